using PinCovisor.Web.Insight;

namespace PinCovisor.Web.Tests.Insight;

public sealed class InsightBucketsTests
{
    [Fact]
    public void PercentilesInterpolateInsideTheBucketThatHoldsTheRank()
    {
        // Edges 10, 20, 30, 45…: two joins in 10–20 s, six in 20–30 s, two in 30–45 s.
        long[] counts = [0, 2, 6, 2, 0, 0, 0, 0, 0, 0, 0];

        InsightBuckets.TimeToJoin.Percentile(counts, 0.5).Should().Be(25, "rank 5 is the third of six in 20–30 s");
        InsightBuckets.TimeToJoin.Percentile(counts, 0.9).Should().Be(37.5, "rank 9 is the first of two in 30–45 s");
    }

    [Fact]
    public void TheOpenLastBucketAnswersItsLowerEdgeAndNoCountsAnswerNothing()
    {
        var open = new long[InsightBuckets.FirstResponse.Count];
        open[^1] = 3;

        InsightBuckets.FirstResponse.Percentile(open, 0.9).Should().Be(600);
        InsightBuckets.FirstResponse.Percentile(new long[InsightBuckets.FirstResponse.Count], 0.5).Should().BeNull();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(9.999, 0)]
    [InlineData(10, 1)]
    [InlineData(25, 2)]
    [InlineData(600, 10)]
    [InlineData(86_400, 10)]
    public void ADurationLandsInTheBucketWhoseEdgesHoldIt(double seconds, int bucket) =>
        InsightBuckets.TimeToJoin.IndexOf(TimeSpan.FromSeconds(seconds)).Should().Be(bucket);
}
