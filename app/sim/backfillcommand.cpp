#include "backfillcommand.h"

#include "alarmbackfill.h"
#include "builtindrivers.h"
#include "config/plantfilelocator.h"
#include "config/plantloader.h"
#include "driverregistry.h"
#include "history/historyurl.h"
#include "historybackfill.h"
#include "journal/journalconnection.h"
#include "simoptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>

namespace vigil::sim
{

QString BackfillCommand::plantFile(const QString &given)
{
    return PlantFileLocator::find(given,
                                  {// build/bin/vigil-sim in a source tree
                                   QCoreApplication::applicationDirPath() +
                                       QStringLiteral("/../../resources/demo/plant.toml"),
                                   QStringLiteral(VIGIL_INSTALL_DATADIR "/demo/plant.toml")});
}

QString BackfillCommand::historyUrl(const QString &urlOrPath)
{
    if (urlOrPath.startsWith(u"sqlite:") || urlOrPath.contains(u"://"))
        return urlOrPath; // HistoryUrl says what it accepts
    return QStringLiteral("sqlite:") + QFileInfo(urlOrPath).absoluteFilePath();
}

std::unique_ptr<AlarmBackfill> BackfillCommand::startAlarms(const PlantConfig &plant,
                                                            const QString &target, qint64 from,
                                                            QString *error)
{
    const std::optional<HistoryUrl> url = JournalConnection::parseUrl(historyUrl(target), error);
    if (!url)
        return nullptr;
    auto alarms = std::make_unique<AlarmBackfill>(plant, *url);
    if (!alarms->begin(from, error))
        return nullptr;
    return alarms;
}

bool BackfillCommand::finishAlarms(AlarmBackfill &alarms, qint64 to, QTextStream &out,
                                   QTextStream &err)
{
    const AlarmBackfill::Result result = alarms.finish(to);
    if (!result.ok) {
        err << "vigil-sim: " << result.error << Qt::endl;
        return false;
    }
    out << "vigil-sim: alarm journal: " << result.raised << " alarms raised, "
        << result.acknowledged << " acknowledged, " << result.transitions << " transitions"
        << Qt::endl;
    return true;
}

int BackfillCommand::run(const SimOptions &options, QTextStream &out, QTextStream &err)
{
    // One summary line, or the reason: no informational logging of the loader and historian.
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    const QString file = plantFile(options.configPath);
    if (file.isEmpty()) {
        err << "vigil-sim: no plant file: give --config PLANT or set VIGIL_CONFIG" << Qt::endl;
        return 1;
    }
    DriverRegistry drivers;
    registerBuiltinDrivers(drivers);
    const PlantLoader::Result loaded = PlantLoader(drivers).load(file);
    if (!loaded.plant) {
        err << "vigil-sim: refusing to backfill: " << file << " is not a valid plant file:\n"
            << loaded.diagnostics.toStringList().join(u'\n') << Qt::endl;
        return 1;
    }
    HistorianOptions historian;
    historian.url = historyUrl(options.backfillTarget);
    const qint64 to = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - qint64(options.backfillHours * 3'600'000.0);
    QElapsedTimer elapsed;
    elapsed.start();
    HistoryBackfill backfill(*loaded.plant, historian);
    std::unique_ptr<AlarmBackfill> alarms;
    if (!options.journalTarget.isEmpty()) {
        QString error;
        alarms = startAlarms(*loaded.plant, options.journalTarget, from, &error);
        if (!alarms) {
            err << "vigil-sim: refusing to backfill: " << error << Qt::endl;
            return 1;
        }
        backfill.setCommitObserver([&alarms](const ChangeSet &changes) { alarms->feed(changes); });
    }
    const HistoryBackfill::Result result = backfill.run(from, to);
    if (!result.ok) {
        err << "vigil-sim: refusing to backfill: " << result.error << Qt::endl;
        return 1;
    }
    if (alarms && !finishAlarms(*alarms, to, out, err))
        return 1;
    out << "vigil-sim: backfilled " << options.backfillHours << " h of " << loaded.plant->name
        << " history ending now into " << HistoryUrl::parse(historian.url)->display() << ": "
        << result.tags << " tags, " << result.stored << " samples, " << result.bytes << " bytes in "
        << QString::number(double(elapsed.elapsed()) / 1000.0, 'f', 1) << " s" << Qt::endl;
    return 0;
}

} // namespace vigil::sim
