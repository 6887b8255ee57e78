// A loopback stand-in for Google's and Apple's key sets, for the social sign-in e2e test. It makes a fresh
// RSA key when it starts, serves the public half at /certs (the api's GOOGLE_JWKS_URL / APPLE_JWKS_URL),
// and signs ID tokens on POST /sign for the test. Never run it anywhere but a test machine.
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'

const port = Number(process.env.PORT ?? 4010)
const kid = randomUUID()
const { publicKey, privateKey } = await generateKeyPair('RS256')
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] })

/** @param {{ iss: string, aud: string, sub: string, [claim: string]: unknown }} claims */
function sign({ iss, aud, ...claims }) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey)
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'GET' && req.url === '/certs') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks)
      return
    }
    if (req.method === 'POST' && req.url === '/sign') {
      let body = ''
      for await (const chunk of req) body += chunk
      res.writeHead(200, { 'content-type': 'text/plain' }).end(await sign(JSON.parse(body)))
      return
    }
    res.writeHead(404).end()
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error))
  }
})

server.listen(port, '127.0.0.1', () => console.log(`id-token stand-in on http://127.0.0.1:${port}`))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)))
