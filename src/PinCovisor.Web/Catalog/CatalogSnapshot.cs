namespace PinCovisor.Web.Catalog;

/// <summary>One loaded feed, immutable, with the folded text search runs against.</summary>
internal sealed class CatalogSnapshot
{
    private readonly Dictionary<string, Product> _byId;
    private readonly (Product Product, string Text, string[] Words)[] _entries;

    public CatalogSnapshot(IReadOnlyList<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        _byId = products.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _entries = products.Select(p =>
        {
            var text = TextFolding.Fold(p.Title + " " + p.Id);
            return (p, text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }).ToArray();
    }

    public static CatalogSnapshot Empty { get; } = new([]);

    public int Count => _entries.Length;

    public Product? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Products whose title or id contains every query word, best first: a query word equal to a word
    /// of the product scores more than one starting a word, which scores more than one inside a word;
    /// ties go to the shorter title, then the id.
    /// </summary>
    public IReadOnlyList<Product> Search(string query, int limit)
    {
        var words = TextFolding.Words(query);
        if (words.Length == 0 || limit <= 0)
        {
            return [];
        }

        return _entries
            .Where(e => words.All(w => e.Text.Contains(w, StringComparison.Ordinal)))
            .Select(e => (e.Product, Score: Score(e.Words, words)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Product.Title.Length)
            .ThenBy(x => x.Product.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => x.Product)
            .ToList();
    }

    private static int Score(string[] productWords, string[] queryWords) =>
        queryWords.Sum(q => productWords.Contains(q) ? 3 : productWords.Any(p => p.StartsWith(q, StringComparison.Ordinal)) ? 2 : 1);
}
