//! Step 1: what to isolate, and where it lives.

use leptos::prelude::*;

use crate::ui::erased::{memo, Show};

use crate::core::cloud::Cloud;
use crate::core::draft::Existence;
use crate::core::quote::html_options;
use crate::core::resource_kinds::{kind_info, ResourceType, KINDS};
use crate::ui::browser;
use crate::ui::fields::{field_messages, select_input, text_input, Extras};
use crate::ui::lines_editor::{lines_editor, Lines};
use crate::ui::state::{AppState, WizardStep};

pub fn target_step() -> AnyView {
    let state = expect_context::<AppState>();
    let resource_type = memo(move |_| state.draft.with(|d| d.target.resource_type));
    let creating = memo(move |_| {
        state
            .draft
            .with(|d| d.target.existence == Existence::Create)
    });
    let regions = memo(move |_| state.draft.with(|d| d.target.cloud.known_regions()));
    let sku_options = memo(move |_| {
        state
            .draft
            .with(|d| kind_info(&d.target.kind).map(|k| k.skus).unwrap_or(&[]))
    });
    view! {
        <p class="lead">
            "Choose the resource to lock down. Every later step and every generated script starts from here: the scripts select this subscription and check the resource before changing anything."
        </p>
        <p class="hint">
            "It exists already? "
            <button type="button" id="start-from-existing" on:click=move |_| start_from_existing(state)>"Start from my existing resource"</button>
            " (paste its az … show JSON)"
        </p>
        {select_input(
            "Cloud",
            "target.cloud",
            "",
            Cloud::ALL.iter().map(|c| (c.cli_name().to_owned(), c.label().to_owned())).collect(),
            |d| d.target.cloud.cli_name().to_owned(),
            |d, v| {
                if let Some(c) = Cloud::from_cli_name(v) {
                    d.target.cloud = c;
                }
            },
        )}
        {text_input(
            "Subscription ID".into(),
            "target.subscription_id".into(),
            Extras { hint: "A GUID: az account show --query id", placeholder: "00000000-0000-0000-0000-000000000000", ..Extras::default() },
            |d| d.target.subscription_id.clone(),
            |d, v| d.target.subscription_id = v,
        )}
        {text_input(
            "Resource group".into(),
            "target.resource_group".into(),
            Extras::default(),
            |d| d.target.resource_group.clone(),
            |d, v| d.target.resource_group = v,
        )}
        {select_input(
            "Resource type",
            "target.resource_type",
            "",
            ResourceType::ALL.iter().map(|t| (t.id().to_owned(), t.label().to_owned())).collect(),
            |d| d.target.resource_type.id().to_owned(),
            |d, v| {
                if let Some(t) = ResourceType::from_id(v) {
                    d.target.resource_type = t;
                }
            },
        )}
        <Show when=move || resource_type.get() == ResourceType::CognitiveServices>
            {select_input(
                "Kind",
                "target.kind",
                "",
                KINDS.iter().map(|k| (k.id.to_owned(), format!("{} ({})", k.label, k.id))).collect(),
                |d| d.target.kind.clone(),
                |d, v| {
                    d.target.kind = v.to_owned();
                    if let Some(k) = kind_info(v) {
                        if !k.skus.contains(&d.target.sku.as_str()) {
                            d.target.sku = k.skus[0].to_owned();
                        }
                    }
                },
            )}
        </Show>
        {text_input(
            "Resource name".into(),
            "target.name".into(),
            Extras::default(),
            |d| d.target.name.clone(),
            |d, v| d.target.name = v,
        )}
        {text_input(
            "Region".into(),
            "target.region".into(),
            Extras { hint: "The programmatic name, e.g. westeurope", list: "known-regions", ..Extras::default() },
            |d| d.target.region.clone(),
            |d, v| d.target.region = v,
        )}
        // One markup string, not an element per region (start-up): see quote::html_options.
        <datalist id="known-regions" inner_html=move || html_options(regions.get().iter().map(|r| (*r, "")), "")></datalist>
        {select_input(
            "The resource",
            "target.existence",
            "",
            vec![
                ("existing".to_owned(), "exists already".to_owned()),
                ("create".to_owned(), "is to be created".to_owned()),
            ],
            |d| match d.target.existence {
                Existence::Existing => "existing".to_owned(),
                Existence::Create => "create".to_owned(),
            },
            |d, v| d.target.existence = if v == "create" { Existence::Create } else { Existence::Existing },
        )}
        <Show when=move || creating.get() && resource_type.get() == ResourceType::CognitiveServices>
            {move || {
                select_input(
                    "Pricing tier (SKU)",
                    "target.sku",
                    "",
                    sku_options.get().iter().map(|s| ((*s).to_owned(), (*s).to_owned())).collect(),
                    |d| d.target.sku.clone(),
                    |d, v| d.target.sku = v.to_owned(),
                )
            }}
        </Show>
        {lines_editor(Lines::Tags)}
        <p class="hint">"For an Azure Policy that requires tags: they go on the account when it is created, and on private endpoints, private DNS zones and their links. Existing resources keep theirs."</p>
        {field_messages("target.tags".into())}
    }
    .into_any()
}

/// Opens the Review step's import box, focused: it takes an account's `show` JSON.
fn start_from_existing(state: AppState) {
    state.go_to(WizardStep::Review);
    // The step is built on its first opening: focus once it is drawn.
    request_animation_frame(|| {
        request_animation_frame(|| {
            browser::focus_element("config-import");
        })
    });
}
