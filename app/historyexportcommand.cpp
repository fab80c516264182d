#include "historyexportcommand.h"

#include "commandline.h"
#include "commandplant.h"
#include "config/historyconfig.h"
#include "config/plantloader.h"
#include "export/historyexportaudit.h"
#include "export/historyexporter.h"
#include "export/timeexpression.h"
#include "history/historyreadsession.h"
#include "securitycommandcontext.h"
#include "util/systemclock.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <variant>

namespace vigil
{

namespace
{

// The tags and range the arguments ask for, or the exit code after saying what is wrong.
std::variant<HistoryExportRequest, int> exportRequest(const HistoryExportArguments &arguments,
                                                      const PlantConfig &plant, QTextStream &err)
{
    HistoryExportRequest request;
    for (const QString &pattern : arguments.tags) {
        bool any = false;
        for (const TagDefinition &t : plant.tags->all()) {
            if (HistoryConfig::matches(pattern, t.id) && !request.tags.contains(t.id)) {
                request.tags.append(t.id);
                any = true;
            }
        }
        if (!any) {
            err << "vigil: no tag matches '" << pattern << "'" << Qt::endl;
            return 2;
        }
    }
    const qint64 now = SystemClock().nowMs();
    const std::optional<qint64> from = TimeExpression::parse(arguments.from, now);
    const std::optional<qint64> to = TimeExpression::parse(arguments.to, now);
    if (!from || !to) {
        err << "vigil: cannot read the time '" << (from ? arguments.to : arguments.from)
            << "' (use 2024-01-05T13:00:00Z, 2024-01-05T14:00, 2024-01-05, now or -2h)" << Qt::endl;
        return 2;
    }
    request.from = *from;
    request.to = *to;
    request.profile = CsvProfile::fromName(arguments.profile).value_or(CsvProfile::machine());
    const QFileInfo outFile(arguments.out);
    request.directory = outFile.absolutePath();
    request.fileName = outFile.fileName();
    return request;
}

// Streams the export with progress on the terminal.
HistoryExporter::Result writeExport(const PlantConfig &plant, const HistoryExportRequest &request,
                                    QTextStream &err)
{
    HistoryExporter::Result result;
    HistoryReadSession history;
    if (history.open(plant.settings.historyUrl()) != HistoryReadSession::Status::Ready) {
        // An export reads the database as it finds it: never one of another schema version.
        result.error = history.error();
        return result;
    }
    HistoryExporter exporter(history.reader(), *plant.tags);
    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    result = exporter.run(request, [&](qint64 rows, double fraction) {
        if (sinceUpdate.elapsed() >= 200 || fraction >= 1.0) {
            sinceUpdate.restart();
            err << "\rexporting: " << rows << " rows, " << qRound(fraction * 100) << " %"
                << Qt::flush;
        }
        return true;
    });
    err << "\r" << QString(40, u' ') << "\r" << Qt::flush;
    return result;
}

// The audit trail in the panel's journal.db; nullopt (after a warning) when it cannot be opened.
// The export goes ahead all the same: the command line has no session, whoever may read the
// history database may export it, and the trail is there to say who did; when it cannot, the
// user is told that this export leaves no trace.
std::optional<AuditTrail> openAudit(SecurityCommandContext &context, const PlantConfig &plant,
                                    const Clock *clock, QTextStream &err)
{
    QString why;
    QTextStream reasons(&why);
    if (context.open(plant, SecurityCommandContext::Access::Record, reasons)) {
        err << why.trimmed() << Qt::endl
            << "vigil: warning: the audit trail cannot be opened: this export is not audited"
            << Qt::endl;
        return std::nullopt;
    }
    return context.auditTrail(clock);
}

} // namespace

int runHistoryExport(const HistoryExportArguments &arguments, const QString &plantFile,
                     const DriverCatalog &drivers, QTextStream &out, QTextStream &err)
{
    PlantLoader::Result loaded;
    if (const std::optional<int> code = loadCommandPlant(plantFile, drivers, err, loaded))
        return *code;
    const PlantConfig &plant = *loaded.plant;
    const std::variant<HistoryExportRequest, int> asked = exportRequest(arguments, plant, err);
    if (const int *code = std::get_if<int>(&asked))
        return *code;
    const HistoryExportRequest &request = std::get<HistoryExportRequest>(asked);

    const SystemClock clock;
    SecurityCommandContext context;
    std::optional<AuditTrail> audit = openAudit(context, plant, &clock, err);
    const HistoryExporter::Result result = writeExport(plant, request, err);
    QString auditError;
    if (audit && !audit->append(
                     HistoryExportAudit::finished(SecurityCommandContext::actor(), request, result),
                     &auditError))
        err << "vigil: warning: this export is not audited: " << auditError << Qt::endl;
    if (!result.ok) {
        err << "vigil: export failed: " << result.error << Qt::endl;
        return 1;
    }
    out << "exported " << result.rows << " rows of " << request.tags.size() << " tags ("
        << request.profile.name() << " profile) to " << result.path << Qt::endl;
    return 0;
}

} // namespace vigil
