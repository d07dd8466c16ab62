using Microsoft.Playwright;

namespace Roundtable.BrowserTests.Support;

/// <summary>
/// One headless Debian Chromium for a test collection, driven by Playwright. Playwright's own
/// browser download cannot work here (nothing is fetched at run time), so it launches the system
/// browser that ./test.sh installs with apt-get.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: ./test.sh installs Debian's chromium package (apt-get install chromium).");
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // Tests run as root in CI, where Chromium's sandbox cannot start.
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<Chromium>
{
    public const string Name = "chromium";
}
