using Microsoft.EntityFrameworkCore;
using Sosei.Application.Plans;
using Sosei.Application.Tests.Infrastructure;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Plans;

public class PlanStructureEditorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_ListsNodesInDocumentOrderWithTheirItems(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();

        var tree = await Structure(context).GetTreeAsync(Abashiri);

        Assert.NotNull(tree);
        Assert.Equal(["G1", "G1.1"], tree.Nodes.Take(2).Select(n => n.Code));
        var g1 = tree.Nodes[0];
        Assert.Equal("基本目標", g1.LevelName);
        Assert.Contains(g1.Kpis, k => k.Code == "G1-N1" && k.Detail == "数値目標");
        Assert.False(g1.CanDelete);
        Assert.True(g1.IsFirst);
        Assert.Contains(tree.Nodes, n => n.RelistedKpis.Any(k => k.Code == "G3-N1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AddSiblingAfter_MoveUp_Edit_Delete(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var editor = Structure(context);
            var view = (await editor.NewNodeAsync(Abashiri, null, "G1.1"))!;
            Assert.Equal("基本方針", view.LevelName);
            Assert.Equal("G1.3", view.Form.Code);
            view.Form.Title = "新しい基本方針";
            view.Form.Label = "(3)";

            var added = await editor.CreateNodeAsync(Abashiri, null, "G1.1", view.Form);

            Assert.True(added.Succeeded, string.Join(" | ", added.Errors.Values));
            Assert.Equal("G1.3", added.Code);
        }

        await using (var context = db.NewContext())
        {
            var tree = (await Structure(context).GetTreeAsync(Abashiri))!;
            Assert.Equal(["G1.1", "G1.3", "G1.2"], tree.Nodes.Where(n => n.ParentCode == "G1").Select(n => n.Code));
            Assert.True((await Structure(context).MoveNodeAsync(Abashiri, "G1.3", -1)).Succeeded);
        }

        await using (var context = db.NewContext())
        {
            var tree = (await Structure(context).GetTreeAsync(Abashiri))!;
            Assert.Equal(["G1.3", "G1.1", "G1.2"], tree.Nodes.Where(n => n.ParentCode == "G1").Select(n => n.Code));
            var first = await Structure(context).MoveNodeAsync(Abashiri, "G1.3", -1);
            AssertError(first, "G1.3", "既に先頭です");

            var form = (await Structure(context).GetNodeAsync(Abashiri, "G1.3"))!.Form;
            form.Code = "G1.X";
            form.Description = "説明文";
            Assert.True((await Structure(context).UpdateNodeAsync(Abashiri, "G1.3", form)).Succeeded);
        }

        await using (var context = db.NewContext())
        {
            var deleted = await Structure(context).DeleteNodeAsync(Abashiri, "G1.X");
            Assert.True(deleted.Succeeded, string.Join(" | ", deleted.Errors.Values));
        }

        await using (var context = db.NewContext())
        {
            var siblings = await context.PlanNodes.Where(n => n.Parent!.Code == "G1" && n.PlanId == context.Plans.Single(p => p.Code == Abashiri).Id)
                .OrderBy(n => n.SortOrder).Select(n => new { n.Code, n.SortOrder }).ToListAsync();
            Assert.Equal([("G1.1", 0), ("G1.2", 1)], siblings.Select(s => (s.Code, s.SortOrder)));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Delete_NodeWithChildrenAndKpis_IsRefusedSayingWhy(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var result = await Structure(context).DeleteNodeAsync(Abashiri, "G1");

            AssertError(result, "G1", "削除できません", "下位の項目2件（G1.1、G1.2）", "KPI 1件（G1-N1）");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_DuplicateOrBadCode_AndMissingTitle_AreRefused(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await Structure(context).GetNodeAsync(Abashiri, "G1.1"))!.Form;
            form.Code = "G1.2";
            form.Title = "";

            var duplicate = await Structure(context).UpdateNodeAsync(Abashiri, "G1.1", form);

            AssertError(duplicate, nameof(NodeForm.Code), "コード「G1.2」は、この計画の別の項目で使われています");
            AssertError(duplicate, nameof(NodeForm.Title), "名称を入力してください");

            form.Code = "基本 1";
            var bad = await Structure(context).UpdateNodeAsync(Abashiri, "G1.1", form);
            AssertError(bad, nameof(NodeForm.Code), "コード「基本 1」は使えません");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AddBelowTheDeepestLevel_NeedsALevelName(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();
        var deepest = (await Structure(context).GetTreeAsync(Abashiri))!.Nodes.First(n => n.Depth == 3);

        var result = await Structure(context).CreateNodeAsync(Abashiri, deepest.Code, null, new NodeForm { Code = "X1", Title = "第5階層" });

        AssertError(result, "", "第5階層の名称がありません");
    }
}
