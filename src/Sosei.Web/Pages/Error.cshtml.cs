using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Web.Localization;

namespace Sosei.Web.Pages;

/// <summary>Error and status-code page.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(UiText text) : PageModel
{
    /// <summary>Heading.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Explanation.</summary>
    public string Message { get; private set; } = "";

    /// <summary>Shows the error for a status code (or 500).</summary>
    public void OnGet(int? code) => Set(code);

    /// <summary>Re-executed POSTs land here too.</summary>
    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        (Title, Message) = code switch
        {
            404 => (text["ページが見つかりません"], text["URL を確認してください。計画やKPIが削除された可能性もあります。"]),
            403 => (text["権限がありません"], text["この操作には管理者の権限が必要です。"]),
            400 => (text["要求が正しくありません"], text["フォームの有効期限が切れた可能性があります。ページを再読み込みしてやり直してください。"]),
            _ => (text["エラーが発生しました"], text["処理中に問題が発生しました。時間をおいて再度お試しください。"]),
        };
    }
}
