using PinCovisor.Web.Catalog;

namespace PinCovisor.Web.Tests.Catalog;

public sealed class CsvTableTests
{
    [Fact]
    public void QuotedCommasDoubledQuotesAndLineBreaksAreReadAndBlankLinesSkipped()
    {
        var rows = CsvTable.Parse("id,title\r\n\r\n\"C-1\",\"Cinturón \"\"Clásico\"\", piel\"\n\"\"\nC-2,\"dos\r\nlíneas\"\n , ,\n");

        rows.Should().BeEquivalentTo(
            new[] { ["id", "title"], ["C-1", "Cinturón \"Clásico\", piel"], ["C-2", "dos\r\nlíneas"], new[] { " ", " ", "" } },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void AQuoteInsideAFieldIsText() =>
        CsvTable.Parse("id,title\nB-1,Bolso 15\" azul\n").Should().BeEquivalentTo(
            new[] { ["id", "title"], new[] { "B-1", "Bolso 15\" azul" } }, o => o.WithStrictOrdering());

    [Fact]
    public void AQuotedFieldLeftOpenRefusesTheWholeFile()
    {
        var parse = () => CsvTable.Parse("id,title\nB-1,\"Bolso azul\nB-2,Bolso rojo\n");

        parse.Should().Throw<FormatException>().WithMessage("A quoted CSV field is not closed.");
    }
}
