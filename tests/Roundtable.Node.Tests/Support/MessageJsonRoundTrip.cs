using System.Text.Json;
using Roundtable.Ledger.Messages;
using Roundtable.Node.Json;

namespace Roundtable.Node.Tests.Support;

/// <summary>The JSON form of a message reads back as the same message and writes the same JSON again.</summary>
internal static class MessageJsonRoundTrip
{
    public static void AssertReadsBack(TxMessage message)
    {
        var json = MessageJson.ToJson(message).ToJsonString();

        using var document = JsonDocument.Parse(json);
        var read = MessageJson.FromJson(document.RootElement);

        Assert.Equal(message, read);
        Assert.Equal(json, MessageJson.ToJson(read).ToJsonString());
    }
}
