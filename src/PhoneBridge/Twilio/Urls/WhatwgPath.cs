namespace PhoneBridge.Twilio.Urls;

/// <summary>
/// The path state of the WHATWG URL parser for special schemes: '\' counts as '/', "." and ".."
/// segments (also spelled <c>%2e</c>) are resolved, and each segment is percent-encoded.
/// </summary>
internal static class WhatwgPath
{
    /// <summary>The path's segments; serialise each as <c>"/" + segment</c>.</summary>
    public static List<string> Segments(ReadOnlySpan<char> path)
    {
        // The first slash after the authority only starts the path.
        if (!path.IsEmpty && path[0] is '/' or '\\')
        {
            path = path[1..];
        }

        List<string> segments = [];
        while (true)
        {
            int slash = path.IndexOfAny('/', '\\');
            string segment = PercentEncodeSet.Path.Encode(slash < 0 ? path : path[..slash]);
            bool slashFollows = slash >= 0;
            if (IsDoubleDot(segment))
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                if (!slashFollows)
                {
                    segments.Add(string.Empty);
                }
            }
            else if (IsSingleDot(segment))
            {
                if (!slashFollows)
                {
                    segments.Add(string.Empty);
                }
            }
            else
            {
                segments.Add(segment);
            }

            if (!slashFollows)
            {
                return segments;
            }

            path = path[(slash + 1)..];
        }
    }

    private static bool IsSingleDot(string segment) =>
        segment == "." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase);

    private static bool IsDoubleDot(string segment) =>
        segment is ".." || segment.Equals(".%2e", StringComparison.OrdinalIgnoreCase)
        || segment.Equals("%2e.", StringComparison.OrdinalIgnoreCase) || segment.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase);
}
