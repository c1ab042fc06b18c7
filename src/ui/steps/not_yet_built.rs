//! Steps that are part of the wizard's frame but not built yet: they say so plainly, and
//! nothing from them reaches the outputs.

use leptos::prelude::*;

pub fn private_endpoints_step() -> impl IntoView {
    view! {
        <p class="callout">
            "Not built yet. This step will create private endpoints with their private DNS zones, virtual-network links and zone groups. Nothing from it is in the outputs today."
        </p>
        <p class="lead">
            "Note meanwhile: creating a private endpoint does not disable public access. Use the Network rules step to set public network access to Disabled or the default action to Deny."
        </p>
    }
}
