//! Step 2: the custom subdomain, with its irreversibility impossible to miss.

use leptos::prelude::*;

use crate::ui::erased::{memo, Show};

use crate::core::draft::Existence;
use crate::core::names::check_custom_subdomain;
use crate::core::resource_kinds::ResourceType;
use crate::ui::fields::{checkbox, text_input, Extras};
use crate::ui::markup::{markup, Part::Html};
use crate::ui::state::AppState;

pub fn custom_domain_step() -> AnyView {
    let state = expect_context::<AppState>();
    let applies = memo(move |_| {
        state
            .draft
            .with(|d| d.target.resource_type == ResourceType::CognitiveServices)
    });
    let enabled = memo(move |_| state.draft.with(|d| d.custom_domain.enabled));
    let existing = memo(move |_| {
        state
            .draft
            .with(|d| d.target.existence == Existence::Existing)
    });
    let endpoint = memo(move |_| {
        state.draft.with(|d| {
            check_custom_subdomain(&d.custom_domain.subdomain)
                .ok()
                .map(|_| {
                    d.target
                        .cloud
                        .custom_subdomain_endpoint(&d.custom_domain.subdomain.to_ascii_lowercase())
                })
        })
    });
    view! {
        {markup(&[Html(r#"<div class="callout danger" role="note"><strong>Irreversible.</strong> Once set, a custom subdomain can never be changed or removed. The only way back to the regional endpoint is a new resource. If the resource holds custom models or Speech Studio projects, try this on a copy first.</div>
<p class="lead">Why it matters: network rules and private endpoints only work for clients that call the resource through its custom subdomain (https://NAME.cognitiveservices.azure.com). The name is global and unique across Azure; the scripts check it is free before they use it, and stop if it is taken.</p>"#)])}
        <Show
            when=move || applies.get()
            fallback=|| view! { <p class="callout">"Custom subdomains apply to Cognitive Services accounts only: nothing from this step is in the outputs for the chosen resource type."</p> }
        >
            {checkbox(
                "Include this step".into(),
                "custom_domain.enabled".into(),
                |d| d.custom_domain.enabled,
                |d, v| d.custom_domain.enabled = v,
            )}
            <Show when=move || enabled.get()>
                {text_input(
                    "Custom subdomain".into(),
                    "custom_domain.subdomain".into(),
                    Extras { hint: "Letters, digits and hyphens; 2 to 63 characters; not starting or ending with a hyphen.", ..Extras::default() },
                    |d| d.custom_domain.subdomain.clone(),
                    |d, v| d.custom_domain.subdomain = v,
                )}
                {live_check()}
                {move || endpoint.get().map(|e| view! { <p class="endpoint">"Endpoint: " <code>{e}</code></p> })}
                <Show when=move || existing.get()>
                    {checkbox(
                        "I understand that this custom subdomain can never be changed or removed, and that going back means creating a new resource.".into(),
                        "custom_domain.acknowledge_irreversible".into(),
                        |d| d.custom_domain.acknowledge_irreversible,
                        |d, v| d.custom_domain.acknowledge_irreversible = v,
                    )}
                </Show>
            </Show>
        </Show>
    }
    .into_any()
}

/// On the apply page: whether the name is free, checked in Azure once a token is pasted.
#[cfg(feature = "arm-direct")]
fn live_check() -> AnyView {
    crate::ui::arm_subdomain::subdomain_check()
}

#[cfg(not(feature = "arm-direct"))]
fn live_check() -> AnyView {
    ().into_any()
}
