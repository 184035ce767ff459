using Dispatch.Agent.Cli;

return await CliApp.Parse(args).InvokeAsync();
