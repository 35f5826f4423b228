"""The analysts' loop: marks on items and alerts, and the labelled set grown from them."""
