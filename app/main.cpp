// The composition root: the only place that creates services and wires them together. main()
// reads as the steps of a run; each step below creates or connects one part.

#include "alarmbannerstatus.h"
#include "alarmfiltermodel.h"
#include "alarmhistorymodel.h"
#include "alarmkpistatus.h"
#include "alarmlistmodel.h"
#include "alarmoperations.h"
#include "alarms/alarmengine.h"
#include "alarms/annunciator.h"
#include "alarmsound.h"
#include "applog.h"
#include "appstartup.h"
#include "auditcommand.h"
#include "builtindrivers.h"
#include "commandline.h"
#include "config/plantloader.h"
#include "configcheck.h"
#include "devicealarms.h"
#include "devicehost.h"
#include "devicelistmodel.h"
#include "driverregistry.h"
#include "events/eventlog.h"
#include "eventtimelinemodel.h"
#include "faceplatecontroller.h"
#include "history/historian.h"
#include "history/historyqueryservice.h"
#include "historyexportcommand.h"
#include "historystatus.h"
#include "instancelock.h"
#include "journal/journal.h"
#include "journal/journalconnection.h"
#include "journal/journalqueryservice.h"
#include "metatypes.h"
#include "plantstatus.h"
#include "systemdnotifier.h"
#include "tagfiltermodel.h"
#include "taglistmodel.h"
#include "tags/tagtable.h"
#include "tags/uichangecoalescer.h"
#include "trendcontroller.h"
#include "unixsignalwatcher.h"
#include "usercommand.h"
#include "util/privatefiles.h"
#include "util/systemclock.h"

#include <QApplication>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;

namespace
{

// Headless commands run beside a running HMI: they only read (plant files, history), or write
// journal.db in transactions of their own (users, audit rows).
std::optional<int> runHeadlessCommand(const CommandLine &cli, const DriverRegistry &drivers,
                                      int argc, char *argv[], QTextStream &out, QTextStream &err)
{
    if (cli.command == CommandLine::Command::ExportHistory) {
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
        return runHistoryExport(cli.exportHistory, findPlantFile(cli.configPath), drivers, out,
                                err);
    }
    if (cli.command == CommandLine::Command::User ||
        cli.command == CommandLine::Command::AuditVerify) {
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
        const QString plantFile = findPlantFile(cli.configPath);
        return cli.command == CommandLine::Command::User
                   ? runUserCommand(cli.user, plantFile, drivers, out, err)
                   : runAuditVerify(plantFile, drivers, out, err);
    }
    if (!cli.checkConfigPath.isEmpty()) {
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false"));
        return runConfigCheck(cli.checkConfigPath, drivers, out, err);
    }
    return std::nullopt;
}

// The plant to run, or the exit code when there is none.
std::optional<int> loadPlant(const CommandLine &cli, const DriverRegistry &drivers,
                             QTextStream &err, PlantLoader::Result &loaded)
{
    const QString plantFile = findPlantFile(cli.configPath);
    if (plantFile.isEmpty()) {
        err << "vigil: no plant file: give --config FILE or set VIGIL_CONFIG" << Qt::endl;
        return 2;
    }
    loaded = PlantLoader(drivers).load(plantFile);
    for (const QString &line : loaded.diagnostics.toStringList())
        err << line << Qt::endl;
    if (!loaded.plant) {
        err << "vigil: refusing to start: " << plantFile << " has "
            << loaded.diagnostics.errorCount() << " error(s)" << Qt::endl;
        return 1;
    }
    return std::nullopt;
}

// The data directory, private to Vigil's user and held by this process alone.
bool claimDataDirectory(const PlantConfig &plant, InstanceLock &lock, QTextStream &err)
{
    QString error;
    if (!PrivateFiles::makeDirectory(plant.settings.dataDir(), &error) || !lock.acquire(&error)) {
        err << "vigil: refusing to start: " << error << Qt::endl;
        return false;
    }
    return true;
}

// Core: live tag state and its change sets, on their own thread. Both objects are deleted on
// the core thread when it finishes (their timers live there).
void moveToCoreThread(QThread &coreThread, TagTable *tagTable, UiChangeCoalescer *coalescer)
{
    coreThread.setObjectName(QStringLiteral("core"));
    QObject::connect(tagTable, &TagTable::changed, coalescer, &UiChangeCoalescer::onChanged);
    tagTable->moveToThread(&coreThread);
    coalescer->moveToThread(&coreThread);
    QObject::connect(&coreThread, &QThread::finished, coalescer, &QObject::deleteLater);
    QObject::connect(&coreThread, &QThread::finished, tagTable, &QObject::deleteLater);
}

void reportPlantLoaded(EventLog &events, const PlantConfig &plant)
{
    events.report(SystemEvent::Severity::Info, QStringLiteral("app"),
                  QStringLiteral("plant.loaded"),
                  QStringLiteral("plant '%1' from %2: %3 devices, %4 tags")
                      .arg(plant.name, plant.filePath)
                      .arg(plant.devices.size())
                      .arg(plant.tags->size()));
}

// History: the historian records every change set on its own writer thread (none when the
// plant records no history).
std::unique_ptr<Historian> startHistorian(const PlantConfig &plant, TagTable *tagTable,
                                          const Clock &clock, EventLog &events)
{
    if (!plant.history.record)
        return nullptr;
    HistorianOptions options;
    options.url = plant.settings.historyUrl();
    options.config = plant.history;
    auto historian = std::make_unique<Historian>(options, plant.tags, clock, &events);
    QObject::connect(tagTable, &TagTable::changed, historian.get(), &Historian::record,
                     Qt::DirectConnection);
    historian->start();
    return historian;
}

// Journal: alarm transitions and system events in journal.db, on its own writer thread. Opened
// before anything reports, so every event is stored; the alarm states it saved are returned for
// restoreAlarms. A database that cannot be opened is reported and retried by the writer.
std::unique_ptr<Journal> openJournal(const PlantConfig &plant, EventLog &events,
                                     AlarmSavedStates &saved)
{
    QString error;
    const std::optional<HistoryUrl> url =
        JournalConnection::parseUrl(plant.settings.databaseUrl(), &error);
    if (!url) {
        events.report(SystemEvent::Severity::Error, QStringLiteral("journal"),
                      QStringLiteral("journal.failed"), error);
        return nullptr;
    }
    auto journal = std::make_unique<Journal>(*url, &events);
    saved = journal->start();
    return journal;
}

// Alarms: the engine evaluates every change set on the core thread (moved there, deleted on
// its finish) and follows each driver's connection for the communication-loss alarms.
AlarmEngine *startAlarmEngine(QThread &coreThread, const PlantConfig &plant, const Clock &clock,
                              TagTable *tagTable, const DeviceHost &devices)
{
    auto *engine = new AlarmEngine(plant.tags, clock, plant.alarms);
    engine->moveToThread(&coreThread);
    QObject::connect(tagTable, &TagTable::changed, engine, &AlarmEngine::processChanges);
    connectDeviceAlarms(devices, *engine);
    QObject::connect(&coreThread, &QThread::started, engine, &AlarmEngine::start);
    QObject::connect(&coreThread, &QThread::finished, engine, &QObject::deleteLater);
    return engine;
}

// Before the core thread runs: the alarms get the states saved at the last stop (or kill), and
// from then on every transition is journaled, the ones the restore itself makes included.
void restoreAlarms(AlarmEngine *engine, Journal *journal, const AlarmSavedStates &saved)
{
    if (!journal)
        return;
    QObject::connect(engine, &AlarmEngine::transitionsOccurred, journal->writer(),
                     &JournalWriter::recordTransitions, Qt::QueuedConnection);
    engine->restore(saved);
}

// The annunciator (GUI thread) hears every transition; the alarms restored unacknowledged sound
// from the start. Before the core thread runs, so listed() is read on a quiet engine.
void annunciate(const AlarmEngine &alarms, Annunciator &annunciator)
{
    QObject::connect(&alarms, &AlarmEngine::transitionsOccurred, &annunciator, &Annunciator::apply,
                     Qt::QueuedConnection);
    annunciator.seed(alarms.listed());
    annunciator.start();
}

// The alarm screens' lists start with the engine's alarms (restored ones included) and then
// follow its changes, queued to the GUI thread. Called before the core thread starts.
void feedAlarmLists(AlarmEngine *engine, AlarmListModel &listed, AlarmListModel &shelved)
{
    listed.reset(engine->listed());
    shelved.reset(engine->shelvedOrOutOfService());
    QObject::connect(engine, &AlarmEngine::alarmsChanged, &listed, &AlarmListModel::applySnapshots);
    QObject::connect(engine, &AlarmEngine::alarmsChanged, &shelved,
                     &AlarmListModel::applySnapshots);
}

// The devices the events page offers as filters, in plant-file order.
QStringList deviceIds(const PlantConfig &plant)
{
    QStringList ids;
    for (const DeviceConfig &device : plant.devices)
        ids.append(device.id);
    return ids;
}

bool loadMainWindow(QQmlApplicationEngine &engine, const QVariantMap &adapters)
{
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties(adapters);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Vigil/Main.qml")));
    return !engine.rootObjects().isEmpty();
}

// SIGTERM, SIGINT and SIGHUP end the event loop like closing the window, so that the steps
// after it (drivers stopped, history flushed, journal closed) run for them too.
void quitOnStopSignals(UnixSignalWatcher &watcher, QCoreApplication &app)
{
    QObject::connect(&watcher, &UnixSignalWatcher::received, &app, &QCoreApplication::quit);
}

// Stops in dependency order: no more samples, then the core, then the history they fed, and
// last the journal, which stores the events of all the stops before it.
void shutDown(SystemdNotifier &systemd, DeviceHost &devices, QThread &coreThread,
              Historian *historian, Journal *journal)
{
    systemd.notifyStopping();
    devices.stopAll();
    coreThread.quit();
    coreThread.wait();
    if (historian)
        historian->stop();
    if (journal)
        journal->stop();
    qCInfo(lcApp) << "stopped";
}

int runHmi(int argc, char *argv[], const CommandLine &cli, const DriverRegistry &drivers,
           const PlantConfig &plant, QTextStream &err)
{
    if (cli.kiosk)
        qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));
    QApplication app(argc, argv);
    if (!loadTranslations(app, cli.language)) {
        err << "vigil: no translation for language '" << cli.language << "'" << Qt::endl;
        return 2;
    }
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    UnixSignalWatcher stopSignals({SIGTERM, SIGINT, SIGHUP});
    quitOnStopSignals(stopSignals, app);
    InstanceLock lock(plant.settings.dataDir());
    if (!claimDataDirectory(plant, lock, err))
        return 1;

    const SystemClock clock;
    QThread coreThread;
    auto *tagTable = new TagTable(plant.tags, clock);
    auto *coalescer = new UiChangeCoalescer(*tagTable);
    moveToCoreThread(coreThread, tagTable, coalescer);
    EventLog events(clock);
    AlarmSavedStates savedAlarms;
    const std::unique_ptr<Journal> journal = openJournal(plant, events, savedAlarms);
    reportPlantLoaded(events, plant);
    const std::unique_ptr<Historian> historian = startHistorian(plant, tagTable, clock, events);
    // Queries run on a thread of their own.
    HistoryQueryService historyQueries(plant.settings.historyUrl(), historian.get());

    // Devices: one driver per device, each on its own thread.
    DeviceHost devices(drivers, plant, clock);
    devices.setEventLog(&events);
    for (Driver *driver : devices.drivers())
        QObject::connect(driver, &Driver::samplesReady, tagTable, &TagTable::ingest);
    AlarmEngine *alarms = startAlarmEngine(coreThread, plant, clock, tagTable, devices);
    restoreAlarms(alarms, journal.get(), savedAlarms);

    // UI adapters (GUI thread).
    TagListModel tagModel(plant.tags);
    QObject::connect(coalescer, &UiChangeCoalescer::updated, &tagModel, &TagListModel::applyUpdate);
    TagFilterModel tagFilter(&tagModel);
    DeviceListModel deviceModel(devices.drivers());
    PlantStatus plantStatus(plant.name, plant.description, clock, cli.kiosk);
    HistoryStatus historyStatus(historian.get());
    TrendController trend(historyQueries, plant.tags, clock,
                          QDir(plant.settings.dataDir()).filePath(QStringLiteral("exports")));
    // The audible alarm: the annunciator decides what sounds, AlarmSound plays it.
    Annunciator annunciator(clock);
    annunciate(*alarms, annunciator);
    AlarmSound alarmSound(annunciator);
    AlarmListModel alarmList(AlarmListModel::Selection::Listed, plant.tags);
    AlarmListModel shelvedList(AlarmListModel::Selection::ShelvedOrOutOfService, plant.tags);
    feedAlarmLists(alarms, alarmList, shelvedList);
    AlarmFilterModel alarmSummary(&alarmList);
    AlarmBannerStatus alarmBanner(&alarmList);
    AlarmOperations alarmOps(alarms, plant.alarms.maxShelveMs);
    // Alarm history, events and alarm KPIs read journal.db on a query thread of their own.
    JournalQueryService journalQueries(plant.settings.databaseUrl());
    AlarmHistoryModel alarmHistory(journalQueries, plant.tags, clock);
    EventTimelineModel eventTimeline(journalQueries, deviceIds(plant), clock);
    AlarmKpiStatus alarmKpi(journalQueries, clock);
    // View-only until the command service, the session and the security service are created
    // here: then pass them instead of the nulls.
    FaceplateController faceplate(plant.tags, nullptr, nullptr, nullptr, &tagModel, clock);

    QQmlApplicationEngine engine;
    if (!loadMainWindow(engine,
                        {
                            {QStringLiteral("plant"), QVariant::fromValue(&plantStatus)},
                            {QStringLiteral("tags"), QVariant::fromValue(&tagFilter)},
                            {QStringLiteral("devices"), QVariant::fromValue(&deviceModel)},
                            {QStringLiteral("trend"), QVariant::fromValue(&trend)},
                            {QStringLiteral("history"), QVariant::fromValue(&historyStatus)},
                            {QStringLiteral("alarmSound"), QVariant::fromValue(&alarmSound)},
                            {QStringLiteral("alarms"), QVariant::fromValue(&alarmSummary)},
                            {QStringLiteral("shelvedAlarms"), QVariant::fromValue(&shelvedList)},
                            {QStringLiteral("alarmBanner"), QVariant::fromValue(&alarmBanner)},
                            {QStringLiteral("alarmOperations"), QVariant::fromValue(&alarmOps)},
                            {QStringLiteral("alarmHistory"), QVariant::fromValue(&alarmHistory)},
                            {QStringLiteral("events"), QVariant::fromValue(&eventTimeline)},
                            {QStringLiteral("alarmKpi"), QVariant::fromValue(&alarmKpi)},
                            {QStringLiteral("faceplate"), QVariant::fromValue(&faceplate)},
                        })) {
        err << "vigil: the user interface failed to load" << Qt::endl;
        return 1;
    }
    if (cli.kiosk)
        QGuiApplication::setOverrideCursor(Qt::BlankCursor);

    coreThread.start();
    devices.startAll();
    SystemdNotifier systemd;
    systemd.notifyReady();
    qCInfo(lcApp) << "running plant" << plant.name << "from" << plant.filePath;
    if (cli.exitAfterSeconds > 0)
        QTimer::singleShot(cli.exitAfterSeconds * 1000, &app, &QCoreApplication::quit);

    const int code = app.exec();
    shutDown(systemd, devices, coreThread, historian.get(), journal.get());
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine cli;
    if (const std::optional<int> code = readCommandLine(cli, argc, argv, out, err))
        return *code;

    registerCoreMetaTypes();
    qRegisterMetaType<DriverStatus>();
    DriverRegistry drivers;
    registerBuiltinDrivers(drivers);
    if (const std::optional<int> code = runHeadlessCommand(cli, drivers, argc, argv, out, err))
        return *code;

    PlantLoader::Result loaded;
    if (const std::optional<int> code = loadPlant(cli, drivers, err, loaded))
        return *code;
    return runHmi(argc, argv, cli, drivers, *loaded.plant, err);
}
