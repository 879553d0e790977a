//! One room per screen. A screen never imports another: what two share lives in `kit`, or
//! in the model.

pub mod backup;
pub mod case;
pub mod cases;
pub mod clause;
pub mod journal;
pub mod print;
pub mod share;
pub mod sync;
pub mod trends;
