#include "appstartup.h"

#include "applog.h"
#include "auditcommand.h"
#include "commandline.h"
#include "config/plantfilelocator.h"
#include "configcheck.h"
#include "driverregistry.h"
#include "historyexportcommand.h"
#include "instancelock.h"
#include "usercommand.h"
#include "util/privatefiles.h"
#include "util/urlredaction.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTextStream>
#include <QTranslator>

namespace vigil
{

namespace
{

QtMessageHandler g_defaultHandler = nullptr;

void redactingMessageHandler(QtMsgType type, const QMessageLogContext &context,
                             const QString &message)
{
    g_defaultHandler(type, context, UrlRedaction::redactAll(message));
}

// The renderer string of an OpenGL context on this display, nullopt when none can be made.
std::optional<QString> openGlRenderer()
{
    QOffscreenSurface surface;
    surface.create();
    QOpenGLContext context;
    if (!context.create() || !context.makeCurrent(&surface))
        return std::nullopt;
    const auto *text =
        reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    const QString renderer = text ? QString::fromLatin1(text) : QString();
    context.doneCurrent();
    return renderer;
}

} // namespace

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

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setOrganizationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    g_defaultHandler = qInstallMessageHandler(redactingMessageHandler);
}

std::optional<int> readCommandLine(CommandLine &cli, int argc, char *argv[], QTextStream &out,
                                   QTextStream &err)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
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
    return std::nullopt;
}

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

bool claimDataDirectory(const PlantConfig &plant, InstanceLock &lock, QTextStream &err)
{
    QString error;
    if (!PrivateFiles::makeDirectory(plant.settings.dataDir(), &error) || !lock.acquire(&error)) {
        err << "vigil: refusing to start: " << error << Qt::endl;
        return false;
    }
    return true;
}

RendererChoice chooseRenderer(const CommandLine &cli)
{
    const QString environment = qEnvironmentVariable("QT_QUICK_BACKEND");
    std::optional<QString> gl;
    if (cli.renderer.isEmpty() && environment.isEmpty())
        gl = openGlRenderer();
    const RendererChoice choice = RendererChoice::choose(cli.renderer, environment, gl);
    if (choice.backend == RendererChoice::Backend::Software)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    else if (choice.backend == RendererChoice::Backend::OpenGL)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);
    qCInfo(lcApp).noquote() << "renderer:" << choice.backendName() << "-" << choice.reason;
    return choice;
}

} // namespace vigil
