namespace Roundtable.Node.Json;

/// <summary>A JSON request is well-formed JSON but not a valid value; the message names the field.</summary>
public sealed class JsonFormException(string message) : Exception(message);
