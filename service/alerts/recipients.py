"""People of routing.yaml as routing recipients (for the duty officer and fallbacks)."""

from service.routing.config import RoutingConfig
from service.routing.decide import Destination, Recipient


def people(config: RoutingConfig, person_ids: list[str]) -> list[Recipient]:
    """Recipients for the given person ids; ids no longer in the config are skipped."""
    found = []
    for person_id in person_ids:
        person = config.people.get(person_id)
        if person is None:
            continue
        destinations = [Destination(channel=c.channel, type=config.channels[c.channel].type,
                                    to=c.to)
                        for c in person.channels if c.channel in config.channels]
        found.append(Recipient(person=person_id, name=person.name, destinations=destinations))
    return found
