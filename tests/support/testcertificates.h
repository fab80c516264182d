#pragma once

#include "mosquittobroker.h"

#include <QDir>
#include <QFile>

// A throw-away PKI made with the openssl command line: a CA, a server certificate for
// localhost/127.0.0.1, a server certificate for another host name, a client certificate, and a
// second CA that signed none of them. EC keys keep generation fast.
class TestCertificates
{
public:
    explicit TestCertificates(const QString &dir)
        : m_dir(dir)
    {
    }

    QString path(const QString &name) const { return QDir(m_dir).filePath(name); }
    QString caFile() const { return path(QStringLiteral("ca.crt")); }
    QString otherCaFile() const { return path(QStringLiteral("otherca.crt")); }
    QString serverCert() const { return path(QStringLiteral("server.crt")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    QString wrongNameCert() const { return path(QStringLiteral("wrongname.crt")); }
    QString wrongNameKey() const { return path(QStringLiteral("wrongname.key")); }
    QString clientCert() const { return path(QStringLiteral("client.crt")); }
    QString clientKey() const { return path(QStringLiteral("client.key")); }

    bool generate(QString *error)
    {
        return makeCa(QStringLiteral("ca"), QStringLiteral("Vigil Test CA"), error) &&
               makeCa(QStringLiteral("otherca"), QStringLiteral("Some Other CA"), error) &&
               makeLeaf(QStringLiteral("server"), QStringLiteral("localhost"),
                        QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                                       "extendedKeyUsage=serverAuth\n"),
                        error) &&
               makeLeaf(QStringLiteral("wrongname"), QStringLiteral("broker.example.com"),
                        QStringLiteral("subjectAltName=DNS:broker.example.com\n"
                                       "extendedKeyUsage=serverAuth\n"),
                        error) &&
               makeLeaf(QStringLiteral("client"), QStringLiteral("vigil-client"),
                        QStringLiteral("extendedKeyUsage=clientAuth\n"), error);
    }

private:
    bool openssl(const QStringList &args, QString *error)
    {
        return MosquittoBroker::run(QStringLiteral("openssl"), args, error);
    }

    QStringList ecKey() const
    {
        return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    }

    bool makeCa(const QString &name, const QString &cn, QString *error)
    {
        return openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey() +
                           QStringList{QStringLiteral("-keyout"),
                                       path(name + QStringLiteral(".key")), QStringLiteral("-out"),
                                       path(name + QStringLiteral(".crt")), QStringLiteral("-days"),
                                       QStringLiteral("2"), QStringLiteral("-subj"),
                                       QStringLiteral("/CN=") + cn},
                       error);
    }

    bool makeLeaf(const QString &name, const QString &cn, const QString &extensions, QString *error)
    {
        const QString ext = path(name + QStringLiteral(".ext"));
        QFile f(ext);
        if (!f.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write %1").arg(ext);
            return false;
        }
        f.write(extensions.toUtf8());
        f.close();
        return openssl(QStringList{QStringLiteral("req")} + ecKey() +
                           QStringList{QStringLiteral("-keyout"),
                                       path(name + QStringLiteral(".key")), QStringLiteral("-out"),
                                       path(name + QStringLiteral(".csr")), QStringLiteral("-subj"),
                                       QStringLiteral("/CN=") + cn},
                       error) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        path(name + QStringLiteral(".csr")), QStringLiteral("-CA"), caFile(),
                        QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                        path(name + QStringLiteral(".crt")), QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-extfile"), ext},
                       error);
    }

    QString m_dir;
};
