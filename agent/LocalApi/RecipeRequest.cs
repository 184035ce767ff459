namespace Dispatch.Agent.LocalApi;

/// <summary>A recipe to run through the risk policy, the approval gate and the journal.</summary>
/// <param name="Recipe">The recipe's YAML text (the client reads the file, so the host never opens a path it is sent).</param>
/// <param name="FileName">The file name as the person gave it, named in every message.</param>
/// <param name="Parameters">Parameter values by name, as typed; checked against the recipe's types.</param>
/// <param name="WorkingDirectory">The client's working directory: where relative file parameters, screenshots and <c>{recipe_dir}</c> resolve.</param>
/// <param name="DryRun">Classify and journal the acting steps without carrying them out; launches, waits, reads and assertions are skipped.</param>
/// <param name="NoGate">Do not ask before irreversible steps (journaled as ungated).</param>
/// <param name="ApprovalTimeoutSeconds">How long a person has to answer.</param>
public sealed record RecipeRequest(string Recipe, string FileName, IReadOnlyDictionary<string, string> Parameters, string WorkingDirectory, bool DryRun,
    bool NoGate, double ApprovalTimeoutSeconds);
