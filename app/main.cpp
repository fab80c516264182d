// The composition root: the only place that creates services and wires them together.

#include "applog.h"
#include "builtindrivers.h"
#include "commandline.h"
#include "config/plantfilelocator.h"
#include "config/plantloader.h"
#include "configcheck.h"
#include "devicehost.h"
#include "devicelistmodel.h"
#include "driverregistry.h"
#include "events/eventlog.h"
#include "history/historian.h"
#include "history/historyqueryservice.h"
#include "historyexportcommand.h"
#include "historystatus.h"
#include "metatypes.h"
#include "plantstatus.h"
#include "systemdnotifier.h"
#include "tagfiltermodel.h"
#include "taglistmodel.h"
#include "tags/tagtable.h"
#include "tags/uichangecoalescer.h"
#include "trendcontroller.h"
#include "util/systemclock.h"

#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <QTranslator>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(VigilPlugin)

using namespace vigil;

namespace
{

QString findPlantFile(const QString &given)
{
    return PlantFileLocator::find(given,
                                  {QStringLiteral("/etc/vigil/plant.toml"),
                                   QStringLiteral(VIGIL_INSTALL_DATADIR "/demo/plant.toml")});
}

bool loadTranslations(QApplication &app, const QString &language)
{
    const QString lang = language.isEmpty() ? QLocale::system().name() : language;
    if (lang.startsWith(u"en"))
        return true;
    auto *own = new QTranslator(&app);
    if (!own->load(QStringLiteral(":/i18n/vigil_%1.qm").arg(lang))) {
        delete own;
        return language.isEmpty(); // only an explicit --lang must exist
    }
    app.installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    QLocale::setDefault(QLocale(lang));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QTextStream out(stdout);
    QTextStream err(stderr);

    CommandLine cli;
    if (!cli.parse(arguments)) {
        err << "vigil: " << cli.error() << "\n\n" << cli.helpText() << Qt::endl;
        return 2;
    }
    if (cli.help) {
        out << cli.helpText() << Qt::flush;
        return 0;
    }
    if (cli.version) {
        out << "vigil " << VIGIL_VERSION << " (Qt " << qVersion() << ")" << Qt::endl;
        return 0;
    }

    registerCoreMetaTypes();
    qRegisterMetaType<DriverStatus>();
    DriverRegistry drivers;
    registerBuiltinDrivers(drivers);

    if (cli.command == CommandLine::Command::ExportHistory) {
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
        return runHistoryExport(cli.exportHistory, findPlantFile(cli.configPath), drivers, out,
                                err);
    }

    if (!cli.checkConfigPath.isEmpty()) {
        QCoreApplication app(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false"));
        return runConfigCheck(cli.checkConfigPath, drivers, out, err);
    }

    const QString plantFile = findPlantFile(cli.configPath);
    if (plantFile.isEmpty()) {
        err << "vigil: no plant file: give --config FILE or set VIGIL_CONFIG" << Qt::endl;
        return 2;
    }
    const PlantLoader::Result loaded = PlantLoader(drivers).load(plantFile);
    for (const QString &line : loaded.diagnostics.toStringList())
        err << line << Qt::endl;
    if (!loaded.plant) {
        err << "vigil: refusing to start: " << plantFile << " has "
            << loaded.diagnostics.errorCount() << " error(s)" << Qt::endl;
        return 1;
    }
    const PlantConfig &plant = *loaded.plant;

    if (cli.kiosk)
        qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));
    QApplication app(argc, argv);
    if (!loadTranslations(app, cli.language)) {
        err << "vigil: no translation for language '" << cli.language << "'" << Qt::endl;
        return 2;
    }
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // Core: live tag state and its change sets, on their own thread.
    const SystemClock clock;
    QThread coreThread;
    coreThread.setObjectName(QStringLiteral("core"));
    // Both are deleted on the core thread when it finishes (their timers live there).
    auto *tagTable = new TagTable(plant.tags, clock);
    auto *coalescer = new UiChangeCoalescer(*tagTable);
    QObject::connect(tagTable, &TagTable::changed, coalescer, &UiChangeCoalescer::onChanged);
    tagTable->moveToThread(&coreThread);
    coalescer->moveToThread(&coreThread);
    QObject::connect(&coreThread, &QThread::finished, coalescer, &QObject::deleteLater);
    QObject::connect(&coreThread, &QThread::finished, tagTable, &QObject::deleteLater);

    EventLog events(clock);
    events.report(SystemEvent::Severity::Info, QStringLiteral("app"),
                  QStringLiteral("plant.loaded"),
                  QStringLiteral("plant '%1' from %2: %3 devices, %4 tags")
                      .arg(plant.name, plant.filePath)
                      .arg(plant.devices.size())
                      .arg(plant.tags->size()));

    // History: the historian records every change set on its own writer thread; queries run on
    // a thread of their own.
    std::unique_ptr<Historian> historian;
    if (plant.history.record) {
        HistorianOptions historyOptions;
        historyOptions.url = plant.settings.historyUrl();
        historyOptions.config = plant.history;
        historian = std::make_unique<Historian>(historyOptions, plant.tags, clock, &events);
        QObject::connect(tagTable, &TagTable::changed, historian.get(), &Historian::record,
                         Qt::DirectConnection);
        historian->start();
    }
    HistoryQueryService historyQueries(plant.settings.historyUrl(), historian.get());

    // Devices: one driver per device, each on its own thread.
    DeviceHost devices(drivers, plant, clock);
    devices.setEventLog(&events);
    for (Driver *driver : devices.drivers())
        QObject::connect(driver, &Driver::samplesReady, tagTable, &TagTable::ingest);

    // UI adapters (GUI thread).
    TagListModel tagModel(plant.tags);
    QObject::connect(coalescer, &UiChangeCoalescer::updated, &tagModel, &TagListModel::applyUpdate);
    TagFilterModel tagFilter(&tagModel);
    DeviceListModel deviceModel(devices.drivers());
    PlantStatus plantStatus(plant.name, plant.description, clock, cli.kiosk);
    HistoryStatus historyStatus(historian.get());
    TrendController trend(historyQueries, plant.tags, clock,
                          QDir(plant.settings.dataDir()).filePath(QStringLiteral("exports")));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({
        {QStringLiteral("plant"), QVariant::fromValue(&plantStatus)},
        {QStringLiteral("tags"), QVariant::fromValue(&tagFilter)},
        {QStringLiteral("devices"), QVariant::fromValue(&deviceModel)},
        {QStringLiteral("trend"), QVariant::fromValue(&trend)},
        {QStringLiteral("history"), QVariant::fromValue(&historyStatus)},
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Vigil/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        err << "vigil: the user interface failed to load" << Qt::endl;
        return 1;
    }
    if (cli.kiosk)
        QGuiApplication::setOverrideCursor(Qt::BlankCursor);

    coreThread.start();
    devices.startAll();
    SystemdNotifier systemd;
    systemd.notifyReady();
    qCInfo(lcApp) << "running plant" << plant.name << "from" << plantFile;
    if (cli.exitAfterSeconds > 0)
        QTimer::singleShot(cli.exitAfterSeconds * 1000, &app, &QCoreApplication::quit);

    const int code = app.exec();
    systemd.notifyStopping();
    devices.stopAll();
    coreThread.quit();
    coreThread.wait();
    if (historian)
        historian->stop();
    return code;
}
