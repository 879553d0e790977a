//! The binary only mounts the app; everything lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    mend::ui::mount();
}
