import Foundation

/// The rule workspace's page (role 规则; auditors read it): the versions, the drafts, and an
/// editor: save (each problem shown beside its line of the draft, its column marked, as `check`
/// reports it; the draft's tests counted), compare on a period (with the compare workbook's
/// link), adopt from a month. The page's script is /static/rules.js (no inline script: CSP).
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
        body += editor(town: town, versions: versions, drafts: drafts)
        return Page.layout(title: "\(town.name) \(m.pageTitle)", account: account, csrf: csrf, body: body)
    }

    /// The editor; the words its script shows are in its data attributes (the catalogue's, in the page's language).
    static func editor(town: TownInfo, versions: [RuleWorkspace.Version], drafts: [RuleDraftInfo]) -> String {
        let e = Page.escape, m = RuleWorkspaceMessages.self, c = ConsoleMessages.self
        let words = [("at", m.atLineColumn), ("verdict", m.checkVerdict), ("compared", m.comparedSummary),
                     ("error", c.severityName("error")), ("warning", c.severityName("warning")), ("note", c.severityName("note"))]
        return "<div class=\"card\" id=\"rule-editor\" data-api=\"/api/towns/\(e(town.town))\" "
            + words.map { "data-\($0.0)=\"\(e($0.1))\"" }.joined(separator: " ") + "><h2>\(m.editorTitle)</h2>"
            + "<p>\(m.draftNameLabel) <input id=\"draft-name\" value=\"\(e(drafts.last?.name ?? "draft"))\"> "
            + "\(m.startFromLabel) <select id=\"draft-from\">" + versions.map { "<option value=\"\(e($0.version))\">\(e($0.version))</option>" }.joined()
            + drafts.map { "<option value=\"draft:\(e($0.name))\">\(e($0.name))</option>" }.joined() + "</select> <button id=\"draft-load\">\(m.loadButton)</button></p>"
            + "<textarea id=\"draft-text\" rows=\"22\" cols=\"110\" spellcheck=\"false\"></textarea>"
            + "<p><button id=\"draft-save\">\(m.saveButton)</button> <span id=\"draft-tests\"></span></p>"
            + "<table id=\"draft-view\" class=\"draft-view\"></table>"
            + "<p>\(m.comparePeriodLabel) <input id=\"compare-period\" placeholder=\"\(town.period_kind == "quarter" ? "2026-Q3" : "2026-10")\"> "
            + "<button id=\"draft-compare\">\(m.compareButton)</button> <span id=\"compare-result\"></span></p>"
            + "<p>\(m.adoptFromLabel) <input id=\"adopt-from\" placeholder=\"2026-11\"> <button id=\"draft-adopt\">\(m.adoptButton)</button> "
            + "<span id=\"adopt-result\"></span></p></div><script src=\"/static/rules.js\" defer></script>"
    }

    /// Uses console.js's api(), say() and errorText(). A saved draft's problems are shown beside
    /// their lines (with a line before and after), the column's character marked; a problem
    /// without a line heads the table. A line number puts the cursor on that line of the draft.
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded",function(){
          var ed=document.getElementById("rule-editor");if(!ed)return;var base=ed.dataset.api,words=ed.dataset;
          var text=document.getElementById("draft-text"),name=document.getElementById("draft-name"),view=document.getElementById("draft-view");
          function fill(t,v){return t.replace(/\\{(\\w+)\\}/g,function(_,k){return v[k]===undefined?"":String(v[k]);});}
          function draftURL(){return base+"/drafts/"+encodeURIComponent(name.value.trim());}
          function goTo(line){var lines=text.value.split("\\n"),pos=0;for(var i=0;i<line-1&&i<lines.length;i++){pos+=lines[i].length+1;}
            text.focus();text.setSelectionRange(pos,pos+(lines[line-1]||"").length);}
          function row(n,line,ps){
            var tr=document.createElement("tr");tr.dataset.line=n;tr.className=ps.length?"problem "+ps[0].severity:"context";
            var ln=document.createElement("td");ln.className="ln";ln.textContent=n;if(n){ln.addEventListener("click",function(){goTo(n);});}
            var code=document.createElement("td");code.className="code";var chars=Array.from(line||""),col=ps.length&&ps[0].column?ps[0].column:0;
            if(col>=1&&col<=chars.length){code.appendChild(document.createTextNode(chars.slice(0,col-1).join("")));
              var mk=document.createElement("mark");mk.textContent=chars[col-1];code.appendChild(mk);code.appendChild(document.createTextNode(chars.slice(col).join("")));}
            else{code.textContent=line||"";}
            var msg=document.createElement("td");msg.className="msg";
            ps.forEach(function(p){var d=document.createElement("div");d.className=p.severity;
              d.textContent=(words[p.severity]||p.severity)+" "+(p.line?fill(words.at,{line:p.line,column:p.column||1}):"")+p.message;msg.appendChild(d);});
            tr.appendChild(ln);tr.appendChild(code);tr.appendChild(msg);return tr;}
          function annotate(source,problems){
            view.textContent="";var lines=source.split("\\n"),at={},shown={};
            problems.forEach(function(p){if(p.line&&p.line<=lines.length){(at[p.line]=at[p.line]||[]).push(p);}else{view.appendChild(row("",null,[p]));}});
            Object.keys(at).forEach(function(k){for(var i=+k-1;i<=+k+1;i++){if(i>=1&&i<=lines.length){shown[i]=true;}}});
            var last=0;Object.keys(shown).map(Number).sort(function(a,b){return a-b;}).forEach(function(n){
              if(last&&n>last+1){var gap=document.createElement("tr");gap.className="gap";var td=document.createElement("td");td.colSpan=3;td.textContent="…";gap.appendChild(td);view.appendChild(gap);}
              view.appendChild(row(n,lines[n-1],at[n]||[]));last=n;});}
          document.getElementById("draft-load").addEventListener("click",async function(){
            var from=document.getElementById("draft-from").value;
            var r=await fetch(base+"/rules/diff?from="+encodeURIComponent(from)+"&to="+encodeURIComponent(from),{credentials:"same-origin"});
            var d=await r.json();if(r.status===200){text.value=d.lines.map(function(l){return l.text;}).join("\\n");}});
          document.getElementById("draft-save").addEventListener("click",async function(){
            var source=text.value;
            var r=await fetch(draftURL(),{method:"PUT",headers:{"X-CSRF-Token":csrf()},body:source,credentials:"same-origin"});
            var d=null;try{d=await r.json();}catch(e){}view.textContent="";say(document.getElementById("adopt-result"),"");
            if(r.status!==200){say(document.getElementById("draft-tests"),(d&&d.error)||("HTTP "+r.status),"error");return;}
            var errors=d.problems.filter(function(p){return p.severity==="error";}).length;
            say(document.getElementById("draft-tests"),fill(words.verdict,{passed:d.tests.passed,failed:d.tests.failed,errors:errors}),d.tests.failed||errors?"error":"ok");
            annotate(source,d.problems);});
          document.getElementById("draft-compare").addEventListener("click",async function(){
            var out=document.getElementById("compare-result"),period=document.getElementById("compare-period").value.trim();say(out,"…");
            var r=await api("POST",draftURL()+"/compare",{period:period});
            if(r.status!==200){say(out,errorText(r),"error");return;}
            say(out,fill(words.compared,{changed:r.data.workers_changed,before:r.data.total_before,after:r.data.total_after}),"ok");
            var a=document.createElement("a");a.href=base+"/periods/"+encodeURIComponent(period)+"/outputs/"+encodeURIComponent(r.data.file);a.textContent=r.data.file;out.appendChild(a);});
          document.getElementById("draft-adopt").addEventListener("click",async function(){
            var out=document.getElementById("adopt-result");
            var r=await api("POST",draftURL()+"/adopt",{effective_from:document.getElementById("adopt-from").value.trim()});
            if(r.status===201){say(out,r.data.file+" "+r.data.sha256,"ok");setTimeout(function(){location.reload();},800);}
            else{say(out,errorText(r),"error");}});
        });
        """
}
