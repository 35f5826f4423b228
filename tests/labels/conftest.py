"""Fixtures of the labels tests: routing.yaml and the app."""



import pytest

from tests.alerting import write_routing
from tests.labels.support import make_client


@pytest.fixture
def routing(tmp_path):
    return write_routing(tmp_path / "routing.yaml", ding_url="http://127.0.0.1:9/ding",
                         hook_url="http://127.0.0.1:9/hook", smtp_port=9)



@pytest.fixture
def client(settings, engine, clock, routing):
    with make_client(settings, engine, clock, routing) as test_client:
        yield test_client

