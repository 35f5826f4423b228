"""Write the seed corpus and print its counts: `python -m classifiers.seedgen [PATH]`."""

import sys
from pathlib import Path

from classifiers.seedgen import DEFAULT_PATH, MINIMUMS, TOPICS, counts, write


def main(argv: list[str]) -> int:
    """Generate the corpus at the given path (default: the committed file) and print counts."""
    path = Path(argv[0]) if argv else DEFAULT_PATH
    rows = write(path)
    tally = counts(rows)
    print(f"wrote {len(rows)} items to {path}")
    print(f"{'class':<24}{'items':>7}{'minimum':>9}")
    for name in (*TOPICS, "irrelevant"):
        print(f"{name:<24}{tally[name]:>7}{MINIMUMS.get(name, 0):>9}")
    print("irrelevant kinds: " + ", ".join(
        f"{k[5:]} {n}" for k, n in sorted(tally.items()) if k.startswith("kind:")))
    print("styles: " + ", ".join(
        f"{k[6:]} {n}" for k, n in sorted(tally.items()) if k.startswith("style:")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
