using System.Globalization;
using System.Text;
using QRCoder;

namespace Roundtable.Portal.Charts;

/// <summary>
/// A QR code as inline SVG: QRCoder computes the modules, and they are drawn here as one path
/// with presentation attributes only, so the strict Content-Security-Policy (no inline styles)
/// holds and the page needs no image request.
/// </summary>
public static class QrCodeSvg
{
    /// <summary>The SVG of a QR code (error correction M) for <paramref name="text"/>, labelled <paramref name="label"/>.</summary>
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var encodedLabel = System.Net.WebUtility.HtmlEncode(label);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 {size} {size}" role="img" aria-label="{encodedLabel}" shape-rendering="crispEdges"><title>{encodedLabel}</title><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }
}
