namespace Dispatch.Agent.LocalApi;

/// <summary>The text read, line by line.</summary>
/// <param name="Lines">The lines, top to bottom.</param>
/// <param name="Blocks">How many text blocks were read (recognised now or remembered from an earlier read of the same pixels).</param>
/// <param name="ElapsedMilliseconds">How long reading took.</param>
public sealed record OcrReply(IReadOnlyList<OcrLineDto> Lines, int Blocks, double ElapsedMilliseconds);
