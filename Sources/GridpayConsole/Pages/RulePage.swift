import Foundation

/// The rule workspace's page (role 规则; auditors read it): the versions, the drafts, and an
/// editor: save (problems listed by line and column, each linked to its line), compare on a
/// period, adopt from a month. The page's script is /static/rules.js (no inline script: CSP).
enum RulePage {
    static func render(town: TownInfo, versions: [RuleWorkspace.Version], drafts: [RuleDraftInfo], editable: Bool,
                       account: Account, csrf: String) -> String {
        let e = Page.escape, m = RuleWorkspaceMessages.self
        var body = "<p><a href=\"/towns/\(e(town.town))\">\(e(town.name))</a></p><div class=\"card\"><h2>\(m.versionsTitle)</h2><table id=\"versions\"><thead><tr>"
            + m.versionColumns.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for v in versions {
            body += "<tr><td>\(e(v.version))</td><td>\(e(v.file))</td><td>\(e(v.effective_from))</td><td title=\"\(e(v.sha256))\">\(e(v.sha256))</td>"
                + "<td>\(e(v.adopted_by ?? "—"))</td><td>\(e(v.adopted_at ?? "—"))</td></tr>"
        }
        body += "</tbody></table></div><div class=\"card\"><h2>\(m.draftsTitle)</h2><ul id=\"drafts\">"
        for d in drafts { body += "<li data-name=\"\(e(d.name))\">\(e(d.name))（\(e(d.saved_by)) \(e(d.saved_at))）</li>" }
        body += "</ul></div>"
        guard editable else { return Page.layout(title: "\(town.name) \(m.pageTitle)", account: account, csrf: csrf, body: body) }
        let api = "/api/towns/\(e(town.town))"
        body += "<div class=\"card\" id=\"rule-editor\" data-api=\"\(api)\"><h2>\(m.editorTitle)</h2>"
            + "<p>\(m.draftNameLabel) <input id=\"draft-name\" value=\"\(e(drafts.last?.name ?? "draft"))\"> "
            + "\(m.startFromLabel) <select id=\"draft-from\">" + versions.map { "<option value=\"\(e($0.version))\">\(e($0.version))</option>" }.joined()
            + drafts.map { "<option value=\"draft:\(e($0.name))\">\(e($0.name))</option>" }.joined() + "</select> <button id=\"draft-load\">\(m.loadButton)</button></p>"
            + "<textarea id=\"draft-text\" rows=\"30\" cols=\"110\" spellcheck=\"false\"></textarea>"
            + "<p><button id=\"draft-save\">\(m.saveButton)</button> <span id=\"draft-tests\"></span></p><ol id=\"draft-problems\"></ol>"
            + "<p>\(m.comparePeriodLabel) <input id=\"compare-period\" placeholder=\"\(town.period_kind == "quarter" ? "2026-Q3" : "2026-10")\"> "
            + "<button id=\"draft-compare\">\(m.compareButton)</button> <span id=\"compare-result\"></span></p>"
            + "<p>\(m.adoptFromLabel) <input id=\"adopt-from\" placeholder=\"2026-11\"> <button id=\"draft-adopt\">\(m.adoptButton)</button> "
            + "<span id=\"adopt-result\"></span></p></div><script src=\"/static/rules.js\" defer></script>"
        return Page.layout(title: "\(town.name) \(m.pageTitle)", account: account, csrf: csrf, body: body)
    }

    /// Uses console.js's api(), say() and errorText().
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded",function(){
          var ed=document.getElementById("rule-editor");if(!ed)return;var base=ed.dataset.api;
          var text=document.getElementById("draft-text"),name=document.getElementById("draft-name");
          function draftURL(){return base+"/drafts/"+encodeURIComponent(name.value.trim());}
          function goTo(line){var lines=text.value.split("\\n"),pos=0;for(var i=0;i<line-1&&i<lines.length;i++){pos+=lines[i].length+1;}
            text.focus();text.setSelectionRange(pos,pos+(lines[line-1]||"").length);}
          document.getElementById("draft-load").addEventListener("click",async function(){
            var from=document.getElementById("draft-from").value;
            var r=await fetch(base+"/rules/diff?from="+encodeURIComponent(from)+"&to="+encodeURIComponent(from),{credentials:"same-origin"});
            var d=await r.json();if(r.status===200){text.value=d.lines.map(function(l){return l.text;}).join("\\n");}});
          document.getElementById("draft-save").addEventListener("click",async function(){
            var r=await fetch(draftURL(),{method:"PUT",headers:{"X-CSRF-Token":csrf()},body:text.value,credentials:"same-origin"});
            var d=null;try{d=await r.json();}catch(e){}
            var list=document.getElementById("draft-problems");list.innerHTML="";
            if(r.status!==200){say(document.getElementById("draft-tests"),(d&&d.error)||("HTTP "+r.status),"error");return;}
            say(document.getElementById("draft-tests"),"✓ "+d.tests.passed+"  ✗ "+d.tests.failed,d.tests.failed||d.problems.length?"error":"ok");
            d.problems.forEach(function(p){var li=document.createElement("li");li.className=p.severity;
              var a=document.createElement("a");a.href="#";a.textContent=(p.line||"?")+":"+(p.column||"?");
              a.addEventListener("click",function(ev){ev.preventDefault();if(p.line)goTo(p.line);});
              li.appendChild(a);li.appendChild(document.createTextNode(" "+p.severity+": "+p.message));list.appendChild(li);});});
          document.getElementById("draft-compare").addEventListener("click",async function(){
            var out=document.getElementById("compare-result");say(out,"…");
            var r=await api("POST",draftURL()+"/compare",{period:document.getElementById("compare-period").value.trim()});
            if(r.status===200){say(out,r.data.workers_changed+" · "+r.data.total_before+" → "+r.data.total_after+" · "+r.data.file,"ok");}
            else{say(out,errorText(r),"error");}});
          document.getElementById("draft-adopt").addEventListener("click",async function(){
            var out=document.getElementById("adopt-result");
            var r=await api("POST",draftURL()+"/adopt",{effective_from:document.getElementById("adopt-from").value.trim()});
            if(r.status===201){say(out,r.data.file+" "+r.data.sha256,"ok");setTimeout(function(){location.reload();},800);}
            else{say(out,errorText(r),"error");}});
        });
        """
}
