using Rapport.Bench.Load;

namespace Rapport.Bench.Tests;

/// <summary>
/// When the bench stops warming a scenario up: a warm-up that stops while the server still compiles its write path
/// puts that compiling into the measured run (bench/notes.md item 40: create p95 222 ms after one round, 52 ms after two).
/// </summary>
public sealed class WarmUpTests
{
    private const int Connections = 16;

    private static WrkResult Round(long requests, double p95Ms) =>
        new(requests, 1, requests, p95Ms / 2, p95Ms / 2, p95Ms, p95Ms * 1.5, p95Ms * 2, 0);

    [Fact]
    public void A_FirstRound_NeverSettles_EvenWithManyFastRequests() =>
        Assert.False(WrkRunner.Settled(null, Round(500, 40), Connections));

    [Fact]
    public void A_RoundMuchFasterThanTheOneBefore_IsStillWarmingUp() =>
        Assert.False(WrkRunner.Settled(Round(120, 414), Round(450, 45), Connections));

    [Theory]
    [InlineData(45, 44)]
    [InlineData(45, 38)]
    [InlineData(45, 60)]
    public void A_RoundAsFastAsTheOneBefore_IsWarm(double before, double after) =>
        Assert.True(WrkRunner.Settled(Round(450, before), Round(450, after), Connections));

    [Fact]
    public void A_RoundThatCompletedTooFewRequests_IsNotWarm() =>
        Assert.False(WrkRunner.Settled(Round(40, 500), Round(40, 500), Connections));
}
