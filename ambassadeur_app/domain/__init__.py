"""Domain: dataclasses, enums and rules of the carnet. No Qt, no SQL, no file I/O."""
