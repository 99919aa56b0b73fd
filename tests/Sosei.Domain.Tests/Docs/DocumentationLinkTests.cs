using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sosei.Testing;

namespace Sosei.Domain.Tests.Docs;

/// <summary>
/// Every relative link in the repository's Markdown files (README, docs/, data/, src/ … but not bin, obj or artifacts)
/// points at a file or folder that exists, and a <c>#anchor</c> into a Markdown file at one of its headings. Links
/// inside code (fenced blocks, <c>`inline`</c>) and links to web addresses are not checked.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string[] SkippedFolders = ["bin", "obj", "artifacts", ".git", "node_modules", "TestResults"];

    [Fact]
    public void Docs_EveryRelativeLink_PointsAtAFileAndHeadingThatExist()
    {
        var root = RepositoryRoot.Path;
        var broken = new List<string>();
        foreach (var file in MarkdownFiles(root))
        {
            foreach (var (line, target) in Links(File.ReadAllText(file)))
            {
                if (Problem(file, target) is { } problem)
                {
                    broken.Add($"{Path.GetRelativePath(root, file)}:{line.ToString(CultureInfo.InvariantCulture)}: {target} ({problem})");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Docs_TheScan_ReadsTheDocsAndFindsTheirLinks()
    {
        var root = RepositoryRoot.Path;
        var files = MarkdownFiles(root).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/domain.md", files);
        Assert.DoesNotContain(files, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
        Assert.Contains(Links(File.ReadAllText(Path.Combine(root, "README.md"))), l => l.Target == "docs/architecture.md");
    }

    [Theory]
    [InlineData("Counting a verification", "counting-a-verification")]
    [InlineData("1. Who uses it, and the yearly cycle", "1-who-uses-it-and-the-yearly-cycle")]
    [InlineData("はじめに / Getting started", "はじめに--getting-started")]
    [InlineData("`KpiObservation` (one value)", "kpiobservation-one-value")]
    public void Docs_HeadingAnchors_AreSluggedAsGitHubDoes(string heading, string anchor)
    {
        Assert.Equal(anchor, Slug(heading));
    }

    [Fact]
    public void Docs_BrokenLinksAndAnchors_AreReported()
    {
        var readme = Path.Combine(RepositoryRoot.Path, "README.md");

        Assert.Null(Problem(readme, "docs/domain.md#achievement"));
        Assert.Null(Problem(readme, "docs/adr/"));
        Assert.NotNull(Problem(readme, "docs/no-such-file.md"));
        Assert.NotNull(Problem(readme, "docs/domain.md#no-such-heading"));
    }

    /// <summary>Why a link target is broken, or null when it resolves.</summary>
    private static string? Problem(string file, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return "no such file";
        }

        if (string.IsNullOrEmpty(anchor) || !resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Anchors(File.ReadAllText(resolved)).Contains(Uri.UnescapeDataString(anchor)) ? null : "no such heading";
    }

    private static IEnumerable<string> MarkdownFiles(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.Ordinal))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.md").Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }

    /// <summary>Relative link targets with their line numbers, outside code.</summary>
    private static List<(int Line, string Target)> Links(string markdown)
    {
        var links = new List<(int, string)>();
        var inFence = false;
        var number = 0;
        foreach (var raw in markdown.Split('\n'))
        {
            number++;
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var line = InlineCode().Replace(raw, "");
            foreach (Match m in Link().Matches(line))
            {
                var target = m.Groups["target"].Value.Trim().Trim('<', '>');
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                links.Add((number, target));
            }
        }

        return links;
    }

    /// <summary>The anchors of a Markdown file's headings, as GitHub makes them (duplicates get -1, -2 …).</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            var heading = Heading().Match(line);
            if (inFence || !heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var unique = slug;
            for (var i = 1; !anchors.Add(unique); i++)
            {
                unique = slug + "-" + i.ToString(CultureInfo.InvariantCulture);
            }
        }

        return anchors;
    }

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped, each space a hyphen.</summary>
    private static string Slug(string heading)
    {
        var text = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                text.Append(c);
            }
            else if (c == ' ')
            {
                text.Append('-');
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
