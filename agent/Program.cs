using Dispatch.Agent.Cli;

return await CliApp.Build().Parse(args).InvokeAsync();
