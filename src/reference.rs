//! Reference data — products, facilities, countries, supply links and the two maps' geometry —
//! loaded once per visit and provided at the app's root, so no page loads it itself and every
//! name is looked up in one `Names`. Geometry is fetched the first time a page asks for it.

use crate::api;
use karya_core::api::FetchError;
use karya_core::currency::ExchangeRate;
use karya_core::geo::{RegionMap, WorldMap};
use karya_core::names::Names;
use karya_core::{Country, Facility, Lang, Product, SupplyLink};
use leptos::prelude::*;
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

/// A load that has not ended (`None`), failed, or given its answer.
pub type Load<T> = Option<Result<T, FetchError>>;

/// Both loads' answers once both are in; the first failure otherwise.
pub fn both<A, B>(a: Load<A>, b: Load<B>) -> Load<(A, B)> {
    match (a, b) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => Some(Err(e)),
        (Some(Ok(a)), Some(Ok(b))) => Some(Ok((a, b))),
        _ => None,
    }
}

/// The tables every page reads, with the names they give.
#[derive(Debug, Clone, PartialEq)]
pub struct Tables {
    pub products: Arc<Vec<Product>>,
    pub facilities: Arc<Vec<Facility>>,
    pub countries: Arc<Vec<Country>>,
    pub links: Arc<Vec<SupplyLink>>,
    pub names: Arc<Names>,
    /// Facilities by id, built once: a ranking of 500 facilities looks each one up on every
    /// redraw.
    facility_index: Arc<HashMap<String, usize>>,
}

impl Tables {
    pub fn new(
        products: Vec<Product>,
        facilities: Vec<Facility>,
        countries: Vec<Country>,
        links: Vec<SupplyLink>,
    ) -> Tables {
        let names = Names::new(&products, &facilities, &countries);
        let facility_index = facilities
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        Tables {
            products: Arc::new(products),
            facilities: Arc::new(facilities),
            countries: Arc::new(countries),
            links: Arc::new(links),
            names: Arc::new(names),
            facility_index: Arc::new(facility_index),
        }
    }

    pub fn facility(&self, id: &str) -> Option<&Facility> {
        self.facility_index.get(id).map(|&i| &self.facilities[i])
    }
}

async fn load_tables() -> Result<Tables, FetchError> {
    let (products, facilities, countries, links) = futures::try_join!(
        api::products(),
        api::facilities(),
        api::countries(),
        api::supply_links()
    )?;
    Ok(Tables::new(products, facilities, countries, links))
}

type Loaded<T> = LocalResource<Result<Arc<T>, FetchError>>;

/// A resource made the first time it is asked for, under the root's owner so that it outlives
/// the page that asked: the next page that needs it finds it loaded.
struct OnFirstUse<T: 'static> {
    owner: Owner,
    /// A signal, so that what reads the resource (the names) learns when it comes to exist.
    resource: RwSignal<Option<Loaded<T>>, LocalStorage>,
}

impl<T: 'static> Clone for OnFirstUse<T> {
    fn clone(&self) -> Self {
        OnFirstUse {
            owner: self.owner.clone(),
            resource: self.resource,
        }
    }
}

impl<T: 'static> OnFirstUse<T> {
    fn new(owner: Owner) -> Self {
        OnFirstUse {
            owner,
            resource: RwSignal::new_local(None),
        }
    }

    fn get<Fut>(&self, load: fn() -> Fut) -> Loaded<T>
    where
        Fut: Future<Output = Result<T, FetchError>> + 'static,
    {
        if let Some(r) = self.resource.get_untracked() {
            return r;
        }
        let r = self
            .owner
            .with(|| LocalResource::new(move || async move { load().await.map(Arc::new) }));
        self.resource.set(Some(r));
        r
    }
}

/// What the root provides: the tables, loading from the first render, and the maps on demand.
#[derive(Clone)]
pub struct ReferenceData {
    tables: LocalResource<Result<Tables, FetchError>>,
    world: OnFirstUse<WorldMap>,
    indonesia: OnFirstUse<RegionMap>,
    rates: OnFirstUse<Vec<ExchangeRate>>,
    names: Memo<Arc<Names>>,
}

impl ReferenceData {
    pub fn tables(&self) -> Signal<Load<Tables>> {
        let tables = self.tables;
        Signal::derive(move || tables.get())
    }

    /// Whether the tables know what a profile's address names: `None` while they load. Failed
    /// tables count as knowing it, so the figures are asked for and their panel offers the
    /// retry; an unknown id asks nothing of the server.
    pub fn knows(
        &self,
        has: impl Fn(&Tables) -> bool + Send + Sync + 'static,
    ) -> Memo<Option<bool>> {
        let tables = self.tables;
        Memo::new(move |_| {
            tables.with(|t| match t {
                None => None,
                Some(Ok(t)) => Some(has(t)),
                Some(Err(_)) => Some(true),
            })
        })
    }

    pub fn world_map(&self) -> Loaded<WorldMap> {
        self.world.get(api::world_map)
    }

    pub fn indonesia_map(&self) -> Loaded<RegionMap> {
        self.indonesia.get(api::indonesia_map)
    }

    /// The exchange rates, loaded the first time a list of releases asks for them.
    pub fn rates(&self) -> Loaded<Vec<ExchangeRate>> {
        self.rates.get(|| api::get_json("/exchange-rates"))
    }

    /// Loads again whatever failed (and only that): a page's retry calls it with its own.
    pub fn retry_failed(&self) {
        if matches!(self.tables.get_untracked(), Some(Err(_))) {
            self.tables.refetch();
        }
        retry_if_failed(self.world.resource.get_untracked());
        retry_if_failed(self.indonesia.resource.get_untracked());
        retry_if_failed(self.rates.resource.get_untracked());
    }

    pub fn names(&self) -> Signal<Arc<Names>> {
        self.names.into()
    }
}

fn retry_if_failed<T: Clone + 'static>(resource: Option<LocalResource<Result<T, FetchError>>>) {
    if let Some(r) = resource {
        if matches!(r.get_untracked(), Some(Err(_))) {
            r.refetch();
        }
    }
}

/// Names for the reader: the tables', and the world map's for countries the tables lack once
/// that map has been loaded. A memo: built when either changes, not at every lookup.
fn names_memo(
    tables: LocalResource<Result<Tables, FetchError>>,
    world: &OnFirstUse<WorldMap>,
) -> Memo<Arc<Names>> {
    let world = world.resource;
    Memo::new(move |_| {
        let Some(Ok(t)) = tables.get() else {
            return Arc::new(Names::default());
        };
        match world.get().and_then(|w| w.get()) {
            Some(Ok(map)) => Arc::new((*t.names).clone().with_map_countries(&map)),
            _ => t.names.clone(),
        }
    })
}

/// Starts loading the tables and provides them to everything inside.
#[component]
pub fn ProvideReference(children: Children) -> impl IntoView {
    provide_reference(LocalResource::new(load_tables));
    children()
}

/// Provides `tables` as the reference data, loaded at the next tick: for component tests and
/// views drawn outside the app.
pub fn provide_fixed_reference(tables: Tables) {
    provide_reference(LocalResource::new(move || {
        let tables = tables.clone();
        async move { Ok(tables) }
    }));
}

fn provide_reference(tables: LocalResource<Result<Tables, FetchError>>) {
    let owner = Owner::current().expect("the reference data is provided inside the app");
    let world = OnFirstUse::new(owner.clone());
    let names = names_memo(tables, &world);
    provide_context(ReferenceData {
        tables,
        world,
        indonesia: OnFirstUse::new(owner.clone()),
        rates: OnFirstUse::new(owner),
        names,
    });
}

pub fn use_reference() -> ReferenceData {
    expect_context::<ReferenceData>()
}

/// Names from the root's reference data; empty (every id unknown) where none is provided.
pub fn use_names() -> Signal<Arc<Names>> {
    use_context::<ReferenceData>()
        .map(|r| r.names())
        .unwrap_or_else(|| Signal::stored(Arc::new(Names::default())))
}

/// The exchange rates for converting a release's value; none (nothing converted) until they
/// are in, if they fail, or where no reference data is provided — a value is never guessed.
pub fn use_rates() -> Signal<Arc<Vec<ExchangeRate>>> {
    let Some(rates) = use_context::<ReferenceData>().map(|r| r.rates()) else {
        return Signal::stored(Arc::new(Vec::new()));
    };
    Signal::derive(move || match rates.get() {
        Some(Ok(r)) => r,
        _ => Arc::new(Vec::new()),
    })
}

/// `name(names, lang)`, reactive in both: for `view!`.
pub fn use_name(
    name: impl Fn(&Names, Lang) -> String + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + 'static {
    let names = use_names();
    let lang = crate::view_state::use_lang();
    move || names.with(|n| name(n, lang.get()))
}
