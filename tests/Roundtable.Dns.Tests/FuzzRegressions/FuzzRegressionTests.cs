using Roundtable.Dns.Tests.Support;
using Roundtable.Tests.Support;

namespace Roundtable.Dns.Tests.FuzzRegressions;

/// <summary>Replays every input the fuzzer saved for the DNS answer engine under FuzzRegressions/dns-packet/.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void Dns_packet_regressions_are_answered_or_dropped_without_a_crash() =>
        FuzzRegressionFiles.Replay("Roundtable.Dns.Tests", "dns-packet", static bytes =>
        {
            var engine = new AnswerEngine(TestZones.Set());
            var response = new byte[AnswerEngine.ResponseBufferSize];
            engine.Answer(bytes, response, overTcp: false);
            engine.Answer(bytes, response, overTcp: true);
            if (TransferRequest.IsTransfer(bytes))
            {
                var transfers = new AnswerEngine(TestZones.TransferSet());
                _ = transfers.Transfer(bytes, System.Net.IPAddress.Loopback, overTcp: false, response).Count();
                _ = transfers.Transfer(bytes, System.Net.IPAddress.Loopback, overTcp: true, response).Count();
            }
        }, static _ => false);

    [Fact]
    public void The_regression_folder_is_where_the_fuzzer_writes()
    {
        Assert.True(File.Exists(Path.Combine(FuzzRegressionFiles.Folder("Roundtable.Dns.Tests"), "README.md")));
    }
}
