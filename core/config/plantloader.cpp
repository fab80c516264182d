#include "plantloader.h"

#include "alarmoptionsreader.h"
#include "alarmrulereader.h"
#include "commandoptionsreader.h"
#include "commandsettingsreader.h"
#include "configreader.h"
#include "drivercatalog.h"
#include "filestatus.h"
#include "historyconfigreader.h"
#include "securityoptionsreader.h"
#include "taglistfile.h"
#include "tagreader.h"
#include "tomldocument.h"
#include "util/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace vigil
{

const DeviceConfig *PlantConfig::device(const QString &id) const
{
    for (const DeviceConfig &d : devices) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

PlantLoader::PlantLoader(const DriverCatalog &drivers, QProcessEnvironment environment)
    : m_drivers(drivers)
    , m_environment(std::move(environment))
{
}

namespace
{

// The tags of the plant file and of its tag lists, in order, each id once.
class UniqueTags
{
public:
    explicit UniqueTags(Diagnostics &diagnostics)
        : m_diagnostics(diagnostics)
    {
    }

    void add(std::optional<TagDefinition> tag)
    {
        if (!tag)
            return;
        const auto it = m_firstDefinition.constFind(tag->id);
        if (it != m_firstDefinition.constEnd()) {
            m_diagnostics.error(
                tag->location, tag->object(),
                QStringLiteral("duplicate tag id (first defined at %1)").arg(it->toString()));
            return;
        }
        m_firstDefinition.insert(tag->id, tag->location);
        m_tags.push_back(std::move(*tag));
    }

    std::vector<TagDefinition> &tags() { return m_tags; }

private:
    Diagnostics &m_diagnostics;
    std::vector<TagDefinition> m_tags;
    QHash<QString, SourceLocation> m_firstDefinition;
};

void readPlantInfo(ConfigReader &top, PlantConfig &plant, Diagnostics &diag)
{
    const ConfigNode *info = top.table(u"plant", ConfigReader::Required);
    if (!info)
        return;
    ConfigReader r(*info, QStringLiteral("plant"), diag);
    const std::optional<QString> name = r.string(u"name", ConfigReader::Required);
    plant.name = name.value_or(QString());
    plant.description = r.string(u"description").value_or(QString());
    if (name && name->trimmed().isEmpty())
        r.error(*info->member(u"name"), QStringLiteral("the plant name must not be empty"));
    r.finish();
}

void readSettings(ConfigReader &top, const QString &path, const QProcessEnvironment &environment,
                  PlantConfig &plant, Diagnostics &diag)
{
    const ConfigNode *settingsNode = top.table(u"settings");
    if (!settingsNode) {
        plant.settings = DeploymentSettings::read(nullptr, environment, diag);
        return;
    }
    ConfigReader r(*settingsNode, QStringLiteral("settings"), diag);
    plant.settings =
        DeploymentSettings::read(&r, environment, diag, QFileInfo(path).absolutePath());
    r.finish();
}

void readTagTables(const ConfigNode *tagArray, TagReader &tagReader, UniqueTags &tags)
{
    if (!tagArray)
        return;
    int n = 0;
    for (const ConfigNode &item : tagArray->children)
        tags.add(tagReader.read(item, QStringLiteral("tag #%1").arg(++n)));
}

// Empty if the tag list can be read as a file; otherwise what it is instead.
QString tagListFileProblem(const QString &csvPath)
{
    if (const QString link = FileStatus::linkProblem(csvPath); !link.isEmpty())
        return QStringLiteral("is ") + link;
    const QFileInfo csvInfo(csvPath);
    if (csvInfo.isFile())
        return QString();
    return csvInfo.isDir() ? QStringLiteral("is a directory, not a CSV file")
                           : QStringLiteral("not found");
}

void readTagList(const ConfigNode &item, const QDir &base,
                 const QHash<QString, DeviceConfig> &devicesById, TagReader &tagReader,
                 UniqueTags &tags, Diagnostics &diag)
{
    if (!item.isTable()) {
        diag.error(item.location, QStringLiteral("tag_lists"),
                   QStringLiteral("each tag list must be a table such as "
                                  "{ file = \"tags.csv\", device = \"plc1\" }"));
        return;
    }
    ConfigReader r(item, QStringLiteral("tag_lists"), diag);
    const std::optional<QString> file = r.string(u"file", ConfigReader::Required);
    const QString device = r.string(u"device").value_or(QString());
    r.finish();
    if (!file)
        return;
    if (!device.isEmpty() && !devicesById.contains(device)) {
        // Reported once here, where the mistake is, rather than on every row.
        QStringList known = devicesById.keys();
        known.sort();
        diag.error(item.member(u"device")->location, QStringLiteral("tag_lists"),
                   QStringLiteral("unknown device '%1' (devices: %2)")
                       .arg(device, known.isEmpty() ? QStringLiteral("none") : known.join(u", ")));
        return;
    }
    const QString csvPath = QDir::cleanPath(base.filePath(*file));
    if (const QString problem = tagListFileProblem(csvPath); !problem.isEmpty()) {
        diag.error(item.member(u"file")->location, QStringLiteral("tag_lists"),
                   QStringLiteral("tag list '%1' %2").arg(csvPath, problem));
        return;
    }
    int n = 0;
    for (const ConfigNode &row : TagListFile::read(csvPath, diag))
        tags.add(tagReader.read(row, QStringLiteral("tag list row %1").arg(++n), device));
}

} // namespace

PlantLoader::Result PlantLoader::load(const QString &path) const
{
    Result result;
    Diagnostics &diag = result.diagnostics;
    const std::optional<ConfigNode> root = TomlDocument::parseFile(path, diag);
    if (!root)
        return result;

    PlantConfig plant;
    plant.filePath = QFileInfo(path).absoluteFilePath();
    ConfigReader top(*root, QString(), diag);
    readPlantInfo(top, plant, diag);
    readSettings(top, path, m_environment, plant, diag);

    HistoryConfigReader historyReader(diag);
    plant.history = historyReader.read(top.table(u"history"));
    plant.alarms = AlarmOptionsReader::read(top.table(u"alarms"), diag);
    plant.security = SecurityOptionsReader::read(top.table(u"security"), diag);
    plant.commands = CommandOptionsReader::read(top.table(u"commands"), diag);

    QHash<QString, DeviceConfig> devicesById;
    readDevices(top.array(u"devices"), plant, devicesById, diag);
    for (const DeviceConfig &device : std::as_const(plant.devices))
        m_drivers.validateDeployment(device, plant.settings, diag);

    TagReader tagReader(devicesById, m_drivers, diag);
    UniqueTags tags(diag);
    readTagTables(top.array(u"tags"), tagReader, tags);
    if (const ConfigNode *lists = top.array(u"tag_lists")) {
        const QDir base = QFileInfo(path).absoluteDir();
        for (const ConfigNode &item : lists->children)
            readTagList(item, base, devicesById, tagReader, tags, diag);
    }
    top.finish();
    AlarmRuleReader::checkReferences(tags.tags(), diag);
    CommandSettingsReader::checkReferences(tags.tags(), diag);
    historyReader.checkGroups(plant.history, tags.tags());

    if (plant.devices.isEmpty() && !diag.hasErrors())
        diag.warning(root->location, QString(), QStringLiteral("the plant has no devices"));
    if (diag.hasErrors())
        return result;
    qCInfo(lcConfig) << "loaded plant" << plant.name << "with" << plant.devices.size()
                     << "devices and" << tags.tags().size() << "tags from" << plant.filePath;
    plant.tags = std::make_shared<const TagDirectory>(std::move(tags.tags()));
    result.plant = std::move(plant);
    return result;
}

void PlantLoader::readDevices(const ConfigNode *devices, PlantConfig &plant,
                              QHash<QString, DeviceConfig> &byId, Diagnostics &diag) const
{
    if (!devices)
        return;
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_\\-]{0,31}$"));
    int n = 0;
    for (const ConfigNode &item : devices->children) {
        ++n;
        if (!item.isTable()) {
            diag.error(item.location, QStringLiteral("device #%1").arg(n),
                       QStringLiteral("a device must be a table"));
            continue;
        }
        ConfigReader r(item, QStringLiteral("device #%1").arg(n), diag);
        DeviceConfig device;
        device.node = item;
        device.location = item.location;
        const std::optional<QString> id = r.string(u"id", ConfigReader::Required);
        if (id) {
            device.id = *id;
            r.setObject(device.object());
            if (!idPattern.match(*id).hasMatch())
                r.error(
                    *item.member(u"id"),
                    QStringLiteral("invalid device id: use 1 to 32 letters, digits, '_' or '-', "
                                   "starting with a letter"));
            else if (byId.contains(*id))
                r.error(*item.member(u"id"),
                        QStringLiteral("duplicate device id (first defined at %1)")
                            .arg(byId.value(*id).location.toString()));
        }
        device.description = r.string(u"description").value_or(QString());
        device.enabled = r.boolean(u"enabled").value_or(true);
        const std::optional<QString> driver = r.string(u"driver", ConfigReader::Required);
        if (driver) {
            device.driver = *driver;
            if (m_drivers.hasDriver(*driver)) {
                m_drivers.validateDevice(*driver, r);
            } else {
                r.error(*item.member(u"driver"),
                        QStringLiteral("unknown driver '%1' (drivers: %2)")
                            .arg(*driver, m_drivers.driverTypes().join(u", ")));
                // The driver's keys are unknown too; do not report each of them.
                for (const ConfigNode &child : item.children)
                    r.accept({child.key});
            }
        }
        r.finish();
        if (id && !byId.contains(*id)) {
            byId.insert(*id, device);
            plant.devices.append(device);
        }
    }
}

} // namespace vigil
