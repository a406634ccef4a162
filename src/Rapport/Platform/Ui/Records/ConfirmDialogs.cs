using MudBlazor;

namespace Rapport.Platform.Ui.Records;

public static class ConfirmDialogs
{
    /// <summary>Asks before a record is deleted; true only when the person confirmed.</summary>
    public static async Task<bool> ConfirmDeleteAsync(this IDialogService dialogs, string what, string name)
    {
        var answer = await dialogs.ShowMessageBoxAsync(
            $"Delete this {what}?",
            $"“{name}” will be deleted. Its history stays in the audit trail, but the {what} itself cannot be restored.",
            yesText: "Delete", cancelText: "Cancel");
        return answer == true;
    }
}
