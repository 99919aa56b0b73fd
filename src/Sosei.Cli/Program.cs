using Sosei.Cli;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await SoseiCli.RunAsync(args, Console.Out, Console.Error);
