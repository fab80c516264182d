#include "appstartup.h"

#include "commandline.h"
#include "config/plantfilelocator.h"
#include "util/urlredaction.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
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

} // namespace vigil
