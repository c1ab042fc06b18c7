//! The link between the site's two pages. The wizard offers "Apply directly in Azure…": the same
//! app with the direct-ARM panel, built into `apply/` next to it (a page of its own so that the
//! wizard's download stays small). The apply page links back. Both read the draft from local
//! storage (same origin); the link carries only the step and the tab, like the page's URL.

use leptos::prelude::*;

use super::state::AppState;
#[cfg(not(feature = "arm-direct"))]
use super::state::WizardStep;

pub fn other_page_link() -> AnyView {
    let state = expect_context::<AppState>();
    let tab = move || state.tab.get().id();
    // The panel sits in the Review step.
    #[cfg(not(feature = "arm-direct"))]
    let (id, href, text) = (
        "open-apply-page",
        move || format!("apply/?step={}&tab={}", WizardStep::Review.id(), tab()),
        "Apply directly in Azure…",
    );
    #[cfg(feature = "arm-direct")]
    let (id, href, text) = (
        "open-wizard-page",
        move || format!("../?step={}&tab={}", state.step.get().id(), tab()),
        "Script-only wizard",
    );
    view! { <a class="other-page" id=id href=href>{text}</a> }.into_any()
}
