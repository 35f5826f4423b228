"""Collection: fetch sources politely, decode them faithfully, store every new entry once."""
