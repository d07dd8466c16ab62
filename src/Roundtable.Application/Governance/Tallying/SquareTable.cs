using System.Text;

namespace Roundtable.Application.Governance.Tallying;

/// <summary>An immutable n×n table of rationals (pairwise preferences, path strengths).</summary>
public sealed class SquareTable
{
    private readonly Rational[,] _cells;

    internal SquareTable(Rational[,] cells)
    {
        _cells = (Rational[,])cells.Clone();
    }

    /// <summary>n.</summary>
    public int Size => _cells.GetLength(0);

    /// <summary>The cell in row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public Rational this[int row, int column] => _cells[row, column];

    /// <summary>
    /// One line per row, cells separated by a space, each as an integer when it is one and as
    /// "p/q" otherwise; the diagonal is "-".
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Size; i++)
        {
            for (var j = 0; j < Size; j++)
            {
                if (j > 0)
                {
                    text.Append(' ');
                }

                text.Append(i == j ? "-" : Format(_cells[i, j]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Format(Rational value) =>
        value.IsInteger ? value.Numerator.ToString(System.Globalization.NumberFormatInfo.InvariantInfo) : value.ToString();
}
