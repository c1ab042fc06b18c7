//! Step 5: bring your own storage (BYOS): a new account that keeps its data in the customer's
//! storage account. Prerequisites first, irreversibility impossible to miss, outputs gated on
//! the acknowledgement (the core refuses the draft until it is ticked).

use leptos::prelude::*;

use crate::ui::erased::{memo, Show};

use crate::core::byos::{ACCESS_REQUEST_FORM, SUPPORTED_KINDS_LABEL};
use crate::core::diagnostics::dom_id;
use crate::core::draft::{Existence, SubnetInput};
use crate::core::resource_kinds::ResourceType;
use crate::ui::fields::{checkbox, text_input, Extras};
use crate::ui::markup::{markup, Part::*};
use crate::ui::state::AppState;

pub fn storage_step() -> impl IntoView {
    let state = expect_context::<AppState>();
    let applies = memo(move |_| {
        state
            .draft
            .with(|d| d.target.resource_type == ResourceType::CognitiveServices)
    });
    let enabled = memo(move |_| state.draft.with(|d| d.storage.enabled));
    let existing = memo(move |_| {
        state
            .draft
            .with(|d| d.target.existence == Existence::Existing)
    });
    let by_parts = memo(move |_| state.draft.with(|d| d.storage.input == SubnetInput::Parts));
    view! {
        {markup(&[
            Html(r#"<p class="lead">Bring your own storage (BYOS): the new resource keeps batch transcriptions, audio and transcription logs and custom models in a storage account you own and control (your keys, your private endpoints), and reaches it with its own managed identity. Offered for "#),
            Text(SUPPORTED_KINDS_LABEL),
            Html(r#" accounts.</p>
<div class="callout" id="storage-prerequisites"><strong>Before anything runs:</strong><ul>
<li>The subscription must be approved for BYOS: <a href=""#),
            Attribute(ACCESS_REQUEST_FORM),
            Html(r#"" target="_blank" rel="noopener">request access</a> and wait for the approval.</li>
<li>You need the right to create the resource, and Owner or User Access Administrator on the storage account (to grant the resource's identity Storage Blob Data Contributor).</li>
<li>The storage account must exist already. The same region as the resource is recommended.</li>
</ul></div>
<div class="callout danger" role="note"><strong>Irreversible.</strong> Storage can only be chosen when the resource is created. The storage account can never be changed afterwards, and the resource can never stop using it: the only way back is a new resource.</div>"#),
        ])}
        <Show
            when=move || applies.get()
            fallback=|| view! { <p class="callout">"Bring your own storage is for Cognitive Services accounts only: nothing from this step is in the outputs for the chosen resource type."</p> }
        >
            {checkbox("Include this step".into(), "storage.enabled".into(), |d| d.storage.enabled, |d, v| d.storage.enabled = v)}
            <Show when=move || enabled.get() && existing.get()>
                <button type="button" id="storage-switch-to-create" on:click=move |_| state.draft.update(|d| d.target.existence = Existence::Create)>
                    "Create a new resource instead"
                </button>
            </Show>
            <Show when=move || enabled.get()>
                <div class="field">
                    <label for=dom_id("storage.input")>"Identify the storage account by"</label>
                    <select
                        id=dom_id("storage.input")
                        prop:value=move || if by_parts.get() { "parts" } else { "resource_id" }
                        on:change=move |ev| {
                            let parts = event_target_value(&ev) == "parts";
                            state.draft.update(|d| d.storage.input = if parts { SubnetInput::Parts } else { SubnetInput::ResourceId });
                        }
                    >
                        <option value="resource_id">"its full resource ID"</option>
                        <option value="parts">"subscription, group and account name"</option>
                    </select>
                </div>
                <Show
                    when=move || by_parts.get()
                    fallback=|| text_input(
                        "Storage account resource ID".into(),
                        "storage.storage_account_id".into(),
                        Extras {
                            hint: "On the storage account's Endpoints page (Storage account resource ID). Pasted, the portal's address of the storage account is flagged, with one click to use the ID inside it.",
                            placeholder: "/subscriptions/…/resourceGroups/…/providers/Microsoft.Storage/storageAccounts/…",
                            ..Extras::default()
                        },
                        |d| d.storage.storage_account_id.clone(),
                        |d, v| d.storage.storage_account_id = v,
                    )
                >
                    {text_input("Subscription ID (empty: the target's)".into(), "storage.subscription_id".into(), Extras::default(), |d| d.storage.subscription_id.clone(), |d, v| d.storage.subscription_id = v)}
                    {text_input("Resource group".into(), "storage.resource_group".into(), Extras::default(), |d| d.storage.resource_group.clone(), |d, v| d.storage.resource_group = v)}
                    {text_input("Storage account name".into(), "storage.account_name".into(), Extras { hint: "3 to 24 lowercase letters and digits.", ..Extras::default() }, |d| d.storage.account_name.clone(), |d, v| d.storage.account_name = v)}
                </Show>
                {text_input(
                    "Storage account region (optional)".into(),
                    "storage.region".into(),
                    Extras { hint: "Only to warn when it differs from the resource's region.", placeholder: "westeurope", ..Extras::default() },
                    |d| d.storage.region.clone(),
                    |d, v| d.storage.region = v,
                )}
                {checkbox(
                    "Also harden the storage account for speech-to-text: no shared-key or anonymous access, firewall Deny with a rule that lets this resource in (its other rules are kept)".into(),
                    "storage.harden".into(),
                    |d| d.storage.harden,
                    |d, v| d.storage.harden = v,
                )}
                {checkbox(
                    "I understand that the storage account can never be changed and the resource can never stop using it, and that going back means creating a new resource.".into(),
                    "storage.acknowledge_irreversible".into(),
                    |d| d.storage.acknowledge_irreversible,
                    |d, v| d.storage.acknowledge_irreversible = v,
                )}
            </Show>
        </Show>
    }
}
