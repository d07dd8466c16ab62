using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>Chromium's virtual authenticator (CDP WebAuthn domain) on a page: a platform passkey whose user is present and verified.</summary>
public static class VirtualAuthenticator
{
    public static async Task AttachAsync(IBrowserContext context, IPage page)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
