namespace Dispatch.Agent.LocalApi;

/// <summary>Run a locator, after waiting up to <paramref name="WaitSeconds"/> for it to match.</summary>
/// <param name="Locator">The query.</param>
/// <param name="WaitSeconds">How long to wait for a match first (0: look once).</param>
/// <param name="Annotate">Also return a screenshot with matches and near misses outlined.</param>
public sealed record FindRequest(string Locator, double WaitSeconds, bool Annotate);
