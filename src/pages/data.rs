//! Open data (`/data`): every table as CSV in the import format and all of them as one ZIP,
//! the Frictionless description, the sources on file with how many records cite each, what the
//! marks mean, and the API reference in words, read from the server's own OpenAPI document.

use crate::api;
use crate::components::profile_parts::word;
use crate::components::provenance::SourceCitation;
use crate::page::answered;
use crate::view_state::tr;
use karya_core::api::FetchError;
use karya_core::api_reference::{operations, Operation};
use karya_core::datapackage::Citation;
use karya_core::profile::words::Words;
use karya_core::tables::Table;
use karya_core::Text;
use leptos::prelude::*;

#[derive(Clone)]
struct Output {
    citations: Vec<Citation>,
    operations: Vec<Operation>,
}

async fn load() -> Result<Output, FetchError> {
    let (citations, doc) = futures::try_join!(
        api::get_json::<Vec<Citation>>("/data/citations"),
        api::get_json::<serde_json::Value>("/openapi.json")
    )?;
    Ok(Output {
        citations,
        operations: operations(&doc),
    })
}

#[component]
pub fn DataPage() -> impl IntoView {
    let output = LocalResource::new(load);
    let href = |file: &str| format!("{}/data/{file}", api::api_base());
    let table = move |t: Table| {
        let file = t.file_name();
        view! { <li><a href=href(&file) download=file.clone() data-download=t.name()>{file.clone()}</a></li> }
    };
    view! {
        <section class="data-page" data-page="data">
            <h1>{word(Words::DataHeading)}</h1>
            <p>{word(Words::DataIntro)}</p>
            <ul class="download-list">
                <li><a href=href("karya-data.zip") download="karya-data.zip" data-download="zip">
                    {word(Words::DataAll)}</a></li>
                <li><a href=href("datapackage.json") download="datapackage.json" data-download="datapackage">
                    {word(Words::DataPackage)}</a></li>
            </ul>
            <h2>{word(Words::DataTables)}</h2>
            <ul class="download-list">{Table::ALL.into_iter().map(table).collect_view()}</ul>
            <h2>{word(Words::DataMeanings)}</h2>
            <dl class="profile-facts" data-meanings="">
                <dt data-meaning="reported">{tr(Text::ReportedMark)}</dt><dd>{word(Words::DataReported)}</dd>
                <dt data-meaning="illustrative">{tr(Text::IllustrativeMark)}</dt>
                <dd>{tr(Text::IllustrativeExplainer)}</dd>
                <dt data-meaning="provisional">{tr(Text::ProvisionalMark)}</dt><dd>{tr(Text::ProvisionalExplainer)}</dd>
            </dl>
            {answered(output, |_, o: Output| view! {
                <h2>{word(Words::DataSources)}</h2>
                <Citations citations=o.citations/>
                <h2>{word(Words::DataApi)}</h2>
                <p>{word(Words::DataApiIntro)}</p>
                <ApiReference operations=o.operations/>
            })}
        </section>
    }
}

#[component]
fn Citations(citations: Vec<Citation>) -> impl IntoView {
    let row = |c: Citation| {
        let id = c.source.id.clone();
        view! {
            <tr data-source=id data-records=c.records>
                <td><SourceCitation source=c.source/></td>
                <td class="numeric">{c.records}</td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll"><table class="data-table" data-table="citations">
            <thead><tr>
                <th scope="col">{tr(Text::ColSource)}</th>
                <th scope="col" class="numeric">{word(Words::DataRecords)}</th>
            </tr></thead>
            <tbody>{citations.into_iter().map(row).collect_view()}</tbody>
        </table></div>
    }
}

#[component]
fn ApiReference(operations: Vec<Operation>) -> impl IntoView {
    let item = |o: Operation| {
        let params = if o.parameters.is_empty() {
            view! { <span class="hint">{word(Words::DataNoParams)}</span> }.into_any()
        } else {
            let names = o
                .parameters
                .iter()
                .map(|p| format!("{} ({})", p.name, p.location))
                .collect::<Vec<_>>();
            view! { <span>{word(Words::DataParams)}": "{names.join(", ")}</span> }.into_any()
        };
        view! {
            <li data-operation=format!("{} {}", o.method, o.path)>
                <code>{o.method.clone()}" "{o.path.clone()}</code>" — "{o.summary.clone()}
                {o.editor.then(|| view! { " · "<em>{word(Words::DataEditorOnly)}</em> })}
                <br/>{params}
            </li>
        }
    };
    view! { <ul class="api-reference" data-list="api">{operations.into_iter().map(item).collect_view()}</ul> }
}
