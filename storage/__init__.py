"""The circle's memory: sqlmodel tables and the functions that read and change them."""
