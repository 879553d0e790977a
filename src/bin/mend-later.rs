//! The later screens' module (clause, journal, trends, backup), loaded on demand by the app.
//! It only mounts; everything lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    mend::ui::later::mount();
}
