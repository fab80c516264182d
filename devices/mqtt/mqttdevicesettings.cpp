#include "mqttdevicesettings.h"

#include "config/brokerurl.h"
#include "config/configreader.h"
#include "config/deviceconfig.h"
#include "config/diagnostics.h"
#include "mqtttopic.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSysInfo>
#include <QUrl>

namespace vigil
{

namespace
{

QString resolvePath(const ConfigNode &node, const QString &path)
{
    if (QDir::isAbsolutePath(path) || node.location.file.isEmpty())
        return path;
    return QDir::cleanPath(QFileInfo(node.location.file).absoluteDir().filePath(path));
}

} // namespace

QString MqttDeviceSettings::defaultClientId(const QString &deviceId, const QString &hostName,
                                            const QByteArray &machineId)
{
    // Two panels sharing a plant file must not share a client id: the broker would hand the
    // session from one to the other at every connect. A host name that is missing or the same
    // on every machine says nothing; the machine id (systemd's /etc/machine-id) then does.
    const QString host = hostName.trimmed();
    const bool meaningless = host.isEmpty() ||
                             host.compare(u"localhost", Qt::CaseInsensitive) == 0 ||
                             host.startsWith(u"localhost.", Qt::CaseInsensitive);
    if (!meaningless)
        return QStringLiteral("vigil-%1-%2").arg(host, deviceId);
    if (!machineId.isEmpty())
        return QStringLiteral("vigil-%1-%2").arg(QString::fromLatin1(machineId.left(12)), deviceId);
    return QStringLiteral("vigil-%1-%2").arg(QCoreApplication::applicationPid()).arg(deviceId);
}

QString MqttDeviceSettings::passwordFileWarning() const
{
    if (passwordFile.isEmpty())
        return QString();
    const QFileDevice::Permissions p = QFileInfo(passwordFile).permissions();
    if (!(p & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        return QString();
    return QStringLiteral("password file '%1' is readable by %2: restrict it to its owner "
                          "(chmod 600)")
        .arg(passwordFile, (p & QFileDevice::ReadOther) ? QStringLiteral("all users")
                                                        : QStringLiteral("its group"));
}

bool MqttDeviceSettings::isLoopback(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString MqttDeviceSettings::setBroker(const QString &url)
{
    if (QString error = checkBrokerUrl(url); !error.isEmpty())
        return error;
    const QUrl u(url, QUrl::StrictMode);
    tls = u.scheme() == u"mqtts";
    host = u.host();
    port = u.port(tls ? 8883 : 1883);
    return QString();
}

MqttDeviceSettings MqttDeviceSettings::read(ConfigReader &r)
{
    MqttDeviceSettings s;
    const ConfigNode &device = r.node();
    if (const ConfigNode *id = device.member(u"id"); id && id->kind == ConfigNode::Kind::String)
        s.deviceId = id->text;

    if (const std::optional<QString> broker = r.string(u"broker")) {
        s.brokerUrl = *broker;
        if (const QString error = s.setBroker(*broker); !error.isEmpty())
            r.error(*device.member(u"broker"), error);
    }
    s.clientId = r.string(u"client_id")
                     .value_or(defaultClientId(s.deviceId, QSysInfo::machineHostName(),
                                               QSysInfo::machineUniqueId()));
    if (const ConfigNode *n = device.member(u"client_id"); n && s.clientId.isEmpty())
        r.error(*n, QStringLiteral("client_id must not be empty"));
    if (const std::optional<QString> v =
            r.choice(u"mqtt_version", {QStringLiteral("3.1.1"), QStringLiteral("5")}))
        s.protocolVersion = *v == u"5" ? 5 : 4;
    s.keepAliveMs = r.durationMs(u"keepalive", 10'000, 65'535'000).value_or(15'000);
    s.cleanSession = r.boolean(u"clean_session").value_or(true);

    if (const ConfigNode *inline_ = device.member(u"password")) {
        r.accept({u"password"});
        r.error(*inline_, QStringLiteral("passwords are not written in the plant file: use "
                                         "password_file or password_env"));
    }
    s.username = r.string(u"username").value_or(QString());
    const ConfigNode *fileNode = device.member(u"password_file");
    const ConfigNode *envNode = device.member(u"password_env");
    if (const std::optional<QString> f = r.string(u"password_file")) {
        s.passwordFile = resolvePath(device, *f);
        if (!QFileInfo(s.passwordFile).isFile())
            r.error(*fileNode, QStringLiteral("password file '%1' not found").arg(s.passwordFile));
        else if (const QString w = s.passwordFileWarning(); !w.isEmpty())
            r.warning(*fileNode, w);
    }
    if (const std::optional<QString> e = r.string(u"password_env")) {
        s.passwordEnv = *e;
        if (e->isEmpty())
            r.error(*envNode, QStringLiteral("password_env must name an environment variable"));
        else if (!qEnvironmentVariableIsSet(e->toLocal8Bit().constData()))
            r.warning(*envNode, QStringLiteral("environment variable %1 is not set here; the "
                                               "device cannot log in without it")
                                    .arg(*e));
    }
    if (fileNode && envNode)
        r.error(*envNode, QStringLiteral("give either password_file or password_env, not both"));
    if ((fileNode || envNode) && s.username.isEmpty())
        r.error(fileNode ? *fileNode : *envNode,
                QStringLiteral("a password needs a username (add username = \"...\")"));

    for (auto [key, target] :
         {std::pair{u"ca_file", &s.caFile}, std::pair{u"cert_file", &s.certFile},
          std::pair{u"key_file", &s.keyFile}}) {
        if (const std::optional<QString> f = r.string(key)) {
            *target = resolvePath(device, *f);
            if (!QFileInfo(*target).isFile())
                r.error(*device.member(key),
                        QStringLiteral("%1 '%2' not found").arg(QStringView(key), *target));
        }
    }
    const ConfigNode *certNode = device.member(u"cert_file");
    const ConfigNode *keyNode = device.member(u"key_file");
    if ((certNode != nullptr) != (keyNode != nullptr))
        r.error(certNode ? *certNode : *keyNode,
                QStringLiteral("a client certificate needs both cert_file and key_file"));
    s.allowInsecure = r.boolean(u"allow_insecure").value_or(false);
    s.maxPayloadBytes =
        qsizetype(r.integer(u"max_payload_bytes", 16, 268'435'455).value_or(256 * 1024));

    if (const ConfigNode *subs = r.array(u"subscriptions")) {
        for (const ConfigNode &item : subs->children) {
            QString filter;
            int qos = 1;
            const ConfigNode *at = &item;
            if (item.kind == ConfigNode::Kind::String) {
                filter = item.text;
            } else if (item.isTable()) {
                ConfigReader sub(item, r.object(), r.diagnostics());
                filter = sub.string(u"topic", ConfigReader::Required).value_or(QString());
                qos = int(sub.integer(u"qos", 0, 2).value_or(1));
                sub.finish();
                if (const ConfigNode *t = item.member(u"topic"))
                    at = t;
                if (filter.isEmpty())
                    continue;
            } else {
                r.error(item, QStringLiteral("a subscription is a topic filter or "
                                             "{ topic = \"...\", qos = 1 }"));
                continue;
            }
            if (const QString error = MqttTopic::checkFilter(filter); !error.isEmpty())
                r.error(*at, QStringLiteral("subscription: %1").arg(error));
            else
                s.subscriptions.append({filter, qos});
        }
    }
    s.statusTopic =
        r.string(u"status_topic").value_or(QStringLiteral("vigil/%1/status").arg(s.clientId));
    if (const ConfigNode *n = device.member(u"status_topic")) {
        if (const QString error = MqttTopic::checkName(s.statusTopic); !error.isEmpty())
            r.error(*n, QStringLiteral("status_topic: %1").arg(error));
    }
    s.reconnectMinMs = r.durationMs(u"reconnect_min", 10, 600'000).value_or(500);
    s.reconnectMaxMs = r.durationMs(u"reconnect_max", 10, 3'600'000).value_or(30'000);
    if (s.reconnectMaxMs < s.reconnectMinMs) {
        if (const ConfigNode *n = device.member(u"reconnect_max"))
            r.error(*n, QStringLiteral("reconnect_max must not be shorter than reconnect_min"));
    }
    s.writeTimeoutMs = r.durationMs(u"write_timeout", 100, 600'000).value_or(5'000);
    return s;
}

MqttDeviceSettings MqttDeviceSettings::fromDevice(const DeviceConfig &device,
                                                  const QString &deploymentBrokerUrl)
{
    Diagnostics ignored; // validated at load
    ConfigReader r(device.node, device.object(), ignored);
    MqttDeviceSettings s = read(r);
    if (s.brokerUrl.isEmpty())
        s.setBroker(deploymentBrokerUrl);
    return s;
}

void MqttDeviceSettings::checkTransport(const DeviceConfig &device, const QString &origin,
                                        Diagnostics &diagnostics) const
{
    if (host.isEmpty())
        return; // the URL itself was reported
    const ConfigNode *brokerNode = device.node.member(u"broker");
    const SourceLocation where = brokerNode ? brokerNode->location : device.location;
    const QString broker = brokerNode ? QStringLiteral("broker '%1'").arg(brokerUrl)
                                      : QStringLiteral("broker '%1' (%2)").arg(brokerUrl, origin);
    if (!tls) {
        for (QStringView key : {u"ca_file", u"cert_file", u"key_file"}) {
            if (const ConfigNode *n = device.node.member(key))
                diagnostics.error(n->location, device.object(),
                                  QStringLiteral("%1 needs TLS, but %2 is plain MQTT (use "
                                                 "mqtts://)")
                                      .arg(key, broker));
        }
    }
    if (!isInsecure())
        return;
    const ConfigNode *allow = device.node.member(u"allow_insecure");
    if (!allowInsecure)
        diagnostics.error(where, device.object(),
                          QStringLiteral("%1 is plain MQTT (no TLS) to the non-loopback host "
                                         "'%2': use mqtts:// or set allow_insecure = true")
                              .arg(broker, host));
    else
        diagnostics.warning(allow ? allow->location : where, device.object(), insecureWarning());
}

QString MqttDeviceSettings::insecureWarning() const
{
    return QStringLiteral("insecure: plain MQTT without TLS to %1:%2 (allow_insecure = true); "
                          "credentials and data travel unencrypted")
        .arg(host)
        .arg(port);
}

std::optional<QByteArray> MqttDeviceSettings::readPassword(QString *error) const
{
    if (!passwordEnv.isEmpty()) {
        const QByteArray name = passwordEnv.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            *error = QStringLiteral("environment variable %1 (password_env) is not set")
                         .arg(passwordEnv);
            return std::nullopt;
        }
        return qgetenv(name.constData());
    }
    if (!passwordFile.isEmpty()) {
        QFile file(passwordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read password file %1: %2")
                         .arg(passwordFile, file.errorString());
            return std::nullopt;
        }
        QByteArray line = file.readLine(4096);
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return line;
    }
    return QByteArray(); // no password
}

} // namespace vigil
