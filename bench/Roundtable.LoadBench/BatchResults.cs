using System.Text.Json;

namespace Roundtable.LoadBench;

/// <summary>Reads the node's answer to a batch, <c>{"results":[{"hash":…,"status":"pending"|"refused",…},…]}</c>.</summary>
internal static class BatchResults
{
    /// <summary>Fills <paramref name="statuses"/> in order: 202 for "pending", 422 otherwise.</summary>
    /// <exception cref="InvalidDataException">The answer holds another number of results.</exception>
    public static void Read(ReadOnlySpan<byte> json, int[] statuses)
    {
        var reader = new Utf8JsonReader(json);
        var count = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("status"u8) && reader.Read())
            {
                if (count == statuses.Length)
                {
                    throw new InvalidDataException($"The node answered a batch of {statuses.Length} with more results.");
                }

                statuses[count++] = reader.ValueTextEquals("pending"u8) ? 202 : 422;
            }
        }

        if (count != statuses.Length)
        {
            throw new InvalidDataException($"The node answered a batch of {statuses.Length} with {count} results.");
        }
    }
}
