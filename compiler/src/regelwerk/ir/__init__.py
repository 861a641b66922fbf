"""The intermediate representation: frozen attrs nodes with spans, and the type and unit algebra."""
